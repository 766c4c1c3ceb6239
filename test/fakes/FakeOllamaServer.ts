/**
 * A real HTTP server on 127.0.0.1 that speaks Ollama's wire format, so tests exercise the real
 * `ollama` SDK and fetch. Tests in another process (VS Code, a browser) steer it with markers in the
 * last user message: [[slow]] [[error]] [[garbage]] [[code]] [[history]], and [[reply-b64:<base64>]]
 * (answer exactly the decoded text: editor-command tests script the model's code this way).
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeToolPlan, type ToolPlan } from './fakeToolPlan';
import { pieceOffsets, playOnSchedule, type SimulatedBehaviour, type SimulatedReply, splitPieces } from './SimulatedReply';

export interface FakeOllamaOptions {
  /** Installed models, default ['llama3:latest']. */
  models?: string[];
  /** Default: "Hello from fake Ollama. You said: <prompt>" split into word chunks. */
  reply?: string | ((messages: { role: string; content: string }[]) => string);
  /** Pause between streamed chunks (chat and pull), default 0. */
  chunkDelayMs?: number;
  /** Default '0.6.0'. */
  version?: string;
  /** Installed models whose `/api/show` capabilities lack "tools" (a tools request to them fails as Ollama's does). */
  withoutTools?: string[];
  /** `model_info["llama.context_length"]` that `/api/show` reports, per model. @default 8192 */
  contextLength?: Record<string, number>;
  /** Scripted answers, pacing and faults for streamed chats (see SimulatedReply). */
  behaviour?: SimulatedBehaviour;
  /**
   * Streamed chats answered at once, like OLLAMA_NUM_PARALLEL; later ones queue (FIFO) until one
   * finishes. Only applies to chats a behaviour answers. Default unlimited.
   */
  parallel?: number;
}

interface Message {
  role: string;
  content: string;
  tool_calls?: unknown[];
  tool_name?: string;
}

/** What a chat answers: the chunks, their pacing, and how the stream ends. */
interface Plan {
  chunks: string[];
  delayMs: number;
  ending: 'done' | 'error' | 'garbage';
}

export const CODE_REPLY =
  'Here is a function that reverses a list:\n\n```python\ndef reverse(xs):\n    return xs[::-1]\n```\n\nSlicing with a step of -1 walks the list backwards.';

const EMBED_DIMENSIONS = 32;
const MODIFIED_AT = '2024-05-01T12:00:00.000000000Z';

export class FakeOllamaServer {
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  private reply: FakeOllamaOptions['reply'];
  private chunkDelayMs = 0;
  private version = '0.6.0';
  private installed: string[] = ['llama3:latest'];
  private withoutTools = new Set<string>();
  private contextLength: Record<string, number> = {};
  private aborted = 0;
  private behaviour: SimulatedBehaviour | undefined;
  private parallel = Infinity;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly events = new EventEmitter();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    options: FakeOllamaOptions,
  ) {
    this.configure(options);
  }

  static async start(options: FakeOllamaOptions = {}, port = 0): Promise<FakeOllamaServer> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const { port: bound } = server.address() as AddressInfo;
    const fake = new FakeOllamaServer(server, `http://127.0.0.1:${bound}`, options);
    server.on('request', (req, res) => fake.handle(req, res));
    return fake;
  }

  /** Count of chat streams whose client disconnected before the final line. */
  get streamsAborted(): number {
    return this.aborted;
  }

  /** Resolves once `streamsAborted` reaches `count` (driven by the disconnect event, not polling). */
  waitForStreamsAborted(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.aborted >= count) {
          this.events.off('streamAborted', check);
          resolve();
        }
      };
      this.events.on('streamAborted', check);
      check();
    });
  }

  configure(options: Partial<FakeOllamaOptions>): void {
    if (options.models !== undefined) this.installed = options.models.map(withTag);
    if ('reply' in options) this.reply = options.reply;
    if (options.chunkDelayMs !== undefined) this.chunkDelayMs = options.chunkDelayMs;
    if (options.version !== undefined) this.version = options.version;
    if (options.withoutTools !== undefined) this.withoutTools = new Set(options.withoutTools.map(withTag));
    if (options.contextLength !== undefined) {
      this.contextLength = Object.fromEntries(Object.entries(options.contextLength).map(([k, v]) => [withTag(k), v]));
    }
    if ('behaviour' in options) this.behaviour = options.behaviour;
    if (options.parallel !== undefined) this.parallel = options.parallel;
  }

  /** Installed models right now (pull adds, delete removes). */
  get models(): string[] {
    return [...this.installed];
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      const method = req.method ?? 'GET';
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      if (raw.trim() !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          this.requests.push({ method, path, body: raw });
          return sendJson(res, 400, { error: 'invalid character looking for beginning of value' });
        }
      }
      this.requests.push({ method, path, body });
      this.route(method, path, (body ?? {}) as Record<string, unknown>, res).catch((e: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: String(e) });
        else res.destroy();
      });
    });
  }

  private async route(method: string, path: string, body: Record<string, unknown>, res: http.ServerResponse) {
    const key = `${method} ${path}`;
    if (key === 'GET /' || key === 'HEAD /') return sendText(res, 200, 'Ollama is running');
    if (key === 'GET /api/version') return sendJson(res, 200, { version: this.version });
    if (key === 'GET /api/tags') return sendJson(res, 200, { models: this.installed.map(tagEntry) });
    if (key === 'POST /api/chat') return this.chat(body, res);
    if (key === 'POST /api/show') {
      return this.withModel(body, res, (m) => sendJson(res, 200, showEntry(m, !this.withoutTools.has(withTag(m)), this.contextLength[withTag(m)] ?? 8192)));
    }
    if (key === 'POST /api/pull') return this.pull(body, res);
    if (key === 'DELETE /api/delete') return this.delete(body, res);
    if (key === 'POST /api/embed') return this.withModel(body, res, (m) => this.embed(m, body, res));
    sendText(res, 404, '404 page not found');
  }

  private withModel(body: Record<string, unknown>, res: http.ServerResponse, then: (model: string) => unknown) {
    const model = modelOf(body);
    if (!model) return sendJson(res, 400, { error: 'model is required' });
    if (!this.isInstalled(model)) {
      return sendJson(res, 404, { error: `model "${model}" not found, try pulling it first` });
    }
    return then(model);
  }

  private async chat(body: Record<string, unknown>, res: http.ServerResponse): Promise<void> {
    const model = modelOf(body);
    if (!model) return sendJson(res, 400, { error: 'model is required' });
    if (!this.isInstalled(model)) {
      return sendJson(res, 404, { error: `model "${model}" not found, try pulling it first` });
    }
    const messages = (Array.isArray(body.messages) ? body.messages : []) as Message[];
    const tools = Array.isArray(body.tools) ? (body.tools as { function?: { name?: string } }[]) : [];
    if (tools.length > 0 && this.withoutTools.has(withTag(model))) {
      return sendJson(res, 400, { error: `registry.ollama.ai/library/${withTag(model)} does not support tools` });
    }
    const toolPlan = this.toolPlan(messages, tools);
    if (toolPlan?.kind === 'calls') return this.streamToolCalls(model, toolPlan, res);
    if (this.behaviour && body.stream !== false && toolPlan === undefined) {
      const turn = { provider: 'ollama' as const, model, messages: messages.map((m) => ({ role: String(m?.role), content: String(m?.content ?? '') })) };
      await this.acquire();
      try {
        if (res.destroyed) return;
        const sim = this.behaviour(turn);
        if (sim) return await this.simulate(model, sim, res);
      } finally {
        this.release();
      }
    }
    const plan = toolPlan?.kind === 'text' ? { chunks: splitWords(toolPlan.text), delayMs: this.chunkDelayMs, ending: 'done' as const } : this.plan(messages);
    const options = (body.options ?? {}) as { num_predict?: unknown };
    let doneReason = 'stop';
    if (typeof options.num_predict === 'number' && options.num_predict > 0 && plan.chunks.length > options.num_predict) {
      plan.chunks = plan.chunks.slice(0, options.num_predict);
      doneReason = 'length';
    }
    const final = {
      model,
      created_at: new Date().toISOString(),
      done: true,
      done_reason: doneReason,
      total_duration: 5_000_000 + plan.chunks.length * 1_000_000,
      load_duration: 1_000_000,
      prompt_eval_count: messages.reduce((n, m) => n + words(String(m?.content ?? '')), 0),
      prompt_eval_duration: 2_000_000,
      eval_count: plan.chunks.length,
      eval_duration: plan.chunks.length * 1_000_000,
    };

    if (body.stream === false) {
      if (plan.ending === 'error') return sendJson(res, 500, { error: 'boom' });
      if (plan.ending === 'garbage') return sendText(res, 200, 'this is not json', 'application/json');
      return sendJson(res, 200, { ...final, message: { role: 'assistant', content: plan.chunks.join('') } });
    }

    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    let gone = false;
    res.on('close', () => {
      if (res.writableFinished) return;
      gone = true;
      this.aborted++;
      this.events.emit('streamAborted');
    });
    const line = (o: unknown) => res.write(`${JSON.stringify(o)}\n`);
    for (const [i, text] of plan.chunks.entries()) {
      if (gone) return;
      if (i > 0 && plan.delayMs > 0) await pause(plan.delayMs, res);
      if (gone) return;
      line({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content: text }, done: false });
    }
    if (plan.ending === 'error') {
      line({ error: 'boom' });
      return void res.end();
    }
    if (plan.ending === 'garbage') res.write('this is not json\n');
    line({ ...final, message: { role: 'assistant', content: '' } });
    res.end();
  }

  private toolPlan(messages: Message[], tools: { function?: { name?: string } }[]): ToolPlan | undefined {
    const results: string[] = [];
    for (let i = messages.length - 1; i >= 0 && messages[i]?.role === 'tool'; i--) results.unshift(String(messages[i].content));
    const last = messages[messages.length - 1];
    const lastText = last?.role === 'user' ? String(last.content ?? '') : '';
    const required = messages.some((m) => m?.role === 'system' && String(m.content).includes('Answer by calling one of the provided tools'));
    return fakeToolPlan(
      lastText,
      results,
      tools.map((t) => String(t?.function?.name ?? '')),
      required,
    );
  }

  /** Ollama sends a model's calls whole, in one line with empty content, then the final line. */
  private async streamToolCalls(model: string, plan: Extract<ToolPlan, { kind: 'calls' }>, res: http.ServerResponse): Promise<void> {
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    let gone = false;
    res.on('close', () => {
      if (res.writableFinished) return;
      gone = true;
      this.aborted++;
      this.events.emit('streamAborted');
    });
    if (plan.slow) {
      // A model "thinking" before it writes the call: an empty line now, the call 20 s later.
      res.write(`${JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content: '' }, done: false })}\n`);
      for (let i = 0; i < 400 && !gone; i++) await pause(50, res);
      if (gone) return;
    }
    const calls = plan.calls.map((c) => {
      let args: unknown;
      try {
        args = JSON.parse(c.argumentsText);
      } catch {
        args = c.argumentsText; // what a compatible server passes on when the model wrote bad JSON
      }
      return { function: { name: c.name, arguments: args } };
    });
    const line = JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content: '', tool_calls: calls }, done: false });
    if (plan.cut) return void res.end(line.slice(0, Math.floor(line.length / 2)));
    res.write(`${line}\n`);
    const final = {
      model,
      created_at: new Date().toISOString(),
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'stop',
      total_duration: 6_000_000,
      load_duration: 1_000_000,
      prompt_eval_count: 10,
      prompt_eval_duration: 2_000_000,
      eval_count: 5,
      eval_duration: 3_000_000,
    };
    res.end(`${JSON.stringify(final)}\n`);
  }

  /** Waits for a free slot (see `parallel`); a client that left meanwhile is skipped by the caller. */
  private acquire(): Promise<void> {
    if (this.running < this.parallel) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.running++;
        resolve();
      }),
    );
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.();
  }

  /** Streams a behaviour's reply as NDJSON on its schedule (time counted from the slot being free). */
  private async simulate(model: string, sim: SimulatedReply, res: http.ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const fault = sim.fault;
    if (fault?.kind === 'status') {
      await pause(sim.ttftMs, res);
      if (!res.destroyed) sendJson(res, fault.status, { error: `simulated failure (${fault.status})` });
      return;
    }
    let finish: () => void = () => {};
    const closed = new Promise<void>((resolve) => (finish = resolve));
    res.on('close', () => {
      if (!res.writableFinished) {
        this.aborted++;
        this.events.emit('streamAborted');
      }
      finish();
    });
    // A stalled model holds its slot until the client gives up, as a hung runner does.
    if (fault?.kind === 'stall-before-headers') return closed;
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    const pieces = splitPieces(sim.text, sim.wordsPerPiece);
    const line = (o: unknown) => res.write(`${JSON.stringify(o)}\n`);
    const stopAfter = fault ? fault.afterPieces : Infinity;
    const written = await playOnSchedule(
      pieceOffsets(sim, pieces.length),
      startedAt,
      (i) => line({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content: pieces[i] }, done: false }),
      () => res.destroyed,
      stopAfter,
    );
    if (res.destroyed) return;
    if (fault && written >= stopAfter) {
      if (fault.kind === 'reset') res.socket?.destroy();
      return closed;
    }
    const genNs = Math.round((sim.completionTokens / Math.max(sim.tokensPerSecond, 1e-9)) * 1e9);
    line({
      model,
      created_at: new Date().toISOString(),
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'stop',
      total_duration: Math.round(sim.ttftMs * 1e6) + genNs,
      load_duration: 0,
      prompt_eval_count: sim.promptTokens,
      prompt_eval_duration: Math.round(sim.ttftMs * 1e6),
      eval_count: sim.completionTokens,
      eval_duration: genNs,
    });
    res.end();
  }

  private plan(messages: Message[]): Plan {
    const lastUser = [...messages].reverse().find((m) => m?.role === 'user');
    const prompt = String(lastUser?.content ?? '');
    const base = { delayMs: this.chunkDelayMs, ending: 'done' as const };
    if (prompt.includes('[[slow]]')) return { ...base, chunks: Array(400).fill('tick '), delayMs: 50 };
    if (prompt.includes('[[error]]')) return { ...base, chunks: ['Partial ', 'answer '], ending: 'error' };
    if (prompt.includes('[[garbage]]')) return { ...base, chunks: ['Hello '], ending: 'garbage' };
    if (prompt.includes('[[code]]')) return { ...base, chunks: splitWords(CODE_REPLY) };
    if (prompt.includes('[[history]]')) return { ...base, chunks: [`history:${messages.length}`] };
    const scripted = /\[\[reply-b64:([A-Za-z0-9+/=]+)\]\]/.exec(prompt);
    if (scripted) return { ...base, chunks: splitWords(Buffer.from(scripted[1], 'base64').toString('utf8')) };
    const reply = typeof this.reply === 'function' ? this.reply(messages) : (this.reply ?? `Hello from fake Ollama. You said: ${prompt}`);
    return { ...base, chunks: splitWords(reply) };
  }

  private async pull(body: Record<string, unknown>, res: http.ServerResponse): Promise<void> {
    const model = modelOf(body);
    if (!model) return sendJson(res, 400, { error: 'model is required' });
    const missing = model.startsWith('no-such-model');
    const install = () => {
      if (!this.isInstalled(model)) this.installed.push(withTag(model));
    };
    if (body.stream === false) {
      if (missing) return sendJson(res, 500, { error: 'pull model manifest: file does not exist' });
      install();
      return sendJson(res, 200, { status: 'success' });
    }
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    let gone = false;
    res.on('close', () => (gone = !res.writableFinished));
    const lines: object[] = [{ status: 'pulling manifest' }];
    if (missing) lines.push({ error: 'pull model manifest: file does not exist' });
    else {
      for (const [i, total] of [4000, 1000].entries()) {
        const digest = `sha256:${sha(`${model}#${i}`)}`;
        for (const completed of [0, total / 4, total / 2, total]) {
          lines.push({ status: `pulling ${digest.slice(7, 19)}`, digest, total, completed });
        }
      }
      lines.push({ status: 'verifying sha256 digest' }, { status: 'writing manifest' }, { status: 'success' });
    }
    for (const [i, l] of lines.entries()) {
      if (i > 0 && this.chunkDelayMs > 0) await pause(this.chunkDelayMs, res);
      if (gone) return;
      if ((l as { status?: string }).status === 'success') install();
      res.write(`${JSON.stringify(l)}\n`);
    }
    res.end();
  }

  private delete(body: Record<string, unknown>, res: http.ServerResponse): void {
    const model = modelOf(body);
    if (!model) return sendJson(res, 400, { error: 'model is required' });
    const i = this.installed.findIndex((m) => m === withTag(model));
    if (i < 0) return sendJson(res, 404, { error: `model '${model}' not found` });
    this.installed.splice(i, 1);
    res.writeHead(200).end();
  }

  private embed(model: string, body: Record<string, unknown>, res: http.ServerResponse): void {
    const input = body.input;
    const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? input.map(String) : null;
    if (!texts) return sendJson(res, 400, { error: 'invalid input type' });
    sendJson(res, 200, {
      model,
      embeddings: texts.map(embedText),
      total_duration: 1_000_000,
      load_duration: 100_000,
      prompt_eval_count: texts.reduce((n, t) => n + words(t), 0),
    });
  }

  private isInstalled(model: string): boolean {
    return this.installed.includes(withTag(model));
  }
}

/**
 * Bag-of-words hashed into a fixed number of dimensions, L2-normalised: deterministic, and texts
 * sharing words come out similar, so retrieval tests behave sensibly.
 */
export function embedText(text: string): number[] {
  const v = new Array<number>(EMBED_DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    const h = createHash('sha256').update(word).digest();
    v[h[0] % EMBED_DIMENSIONS] += h[1] & 1 ? 1 : -1;
  }
  const norm = Math.hypot(...v);
  return norm === 0 ? v : v.map((x) => x / norm);
}

function withTag(name: string): string {
  const n = name.trim().toLowerCase();
  return n.slice(n.lastIndexOf('/') + 1).includes(':') ? n : `${n}:latest`;
}

function modelOf(body: Record<string, unknown>): string | undefined {
  // The SDK sends `name` for pull/delete (older API field) and `model` elsewhere.
  const m = body.model ?? body.name;
  return typeof m === 'string' && m.trim() !== '' ? m : undefined;
}

function family(name: string): string {
  return (
    name
      .split(':')[0]
      .split('/')
      .pop()!
      .replace(/[\d.]+$/, '') || 'llama'
  );
}

function tagEntry(name: string) {
  return {
    name,
    model: name,
    modified_at: MODIFIED_AT,
    size: 1_000_000 + name.length * 1000,
    digest: sha(name),
    details: {
      parent_model: '',
      format: 'gguf',
      family: family(name),
      families: [family(name)],
      parameter_size: '8.0B',
      quantization_level: 'Q4_0',
    },
  };
}

function showEntry(name: string, tools: boolean, contextLength: number) {
  const { details, modified_at } = tagEntry(withTag(name));
  return {
    license: '',
    modelfile: `# Modelfile generated by "ollama show"\nFROM ${name}\n`,
    parameters: 'stop "<|eot_id|>"',
    template: '{{ .Prompt }}',
    details,
    model_info: { 'general.architecture': 'llama', 'general.parameter_count': 8_030_261_248, 'llama.context_length': contextLength },
    capabilities: name.includes('embed') ? ['embedding'] : tools ? ['completion', 'tools'] : ['completion'],
    modified_at,
  };
}

function splitWords(text: string): string[] {
  return text.split(/(?<=\s)/).filter((s) => s !== '');
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Waits `ms`, or less if the client goes away meanwhile. */
function pause(ms: number, res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.on('close', done);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function sendText(res: http.ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type }).end(text);
}
