/**
 * A real HTTP server on 127.0.0.1 that speaks Ollama's wire format, so tests exercise the real
 * `ollama` SDK and fetch. Tests in another process (VS Code, a browser) steer it with markers in the
 * last user message: [[slow]] [[error]] [[garbage]] [[code]] [[history]], and [[reply-b64:<base64>]]
 * (answer exactly the decoded text: editor-command tests script the model's code this way).
 */
import { EventEmitter } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type OllamaMessage, type OllamaReply, planChat, planToolRound } from './ollamaChatPlan';
import { servePull } from './ollamaPull';
import { streamPlan, streamSimulated, streamToolCalls } from './ollamaStreams';
import { embedText, modelOf, sendJson, sendText, showEntry, splitWords, tagEntry, withTag, words } from './ollamaWire';
import type { SimulatedBehaviour } from './SimulatedReply';

// Tests import these from here, beside the server they steer.
export { CODE_REPLY } from './ollamaChatPlan';
export { embedText } from './ollamaWire';

export interface FakeOllamaOptions {
  /** Installed models, default ['llama3:latest']. */
  models?: string[];
  /** Default: "Hello from fake Ollama. You said: <prompt>" split into word chunks. */
  reply?: OllamaReply;
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

export class FakeOllamaServer {
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  private reply: FakeOllamaOptions['reply'];
  private chunkDelayMs = 0;
  private version = '0.6.0';
  private installed: string[] = ['llama3:latest'];
  private withoutTools = new Set<string>();
  private contextLength: Record<string, number> = {};
  private aborted = 0;
  private finished = 0;
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

  /** Chat responses sent in full (the stream's last line written): a test can tell whether a part came before. */
  get chatsFinished(): number {
    return this.finished;
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
    if (key === 'POST /api/chat') {
      res.once('finish', () => this.finished++);
      return this.chat(body, res);
    }
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
    const messages = (Array.isArray(body.messages) ? body.messages : []) as OllamaMessage[];
    const tools = Array.isArray(body.tools) ? (body.tools as { function?: { name?: string } }[]) : [];
    if (tools.length > 0 && this.withoutTools.has(withTag(model))) {
      return sendJson(res, 400, { error: `registry.ollama.ai/library/${withTag(model)} does not support tools` });
    }
    const toolPlan = planToolRound(messages, tools);
    if (toolPlan?.kind === 'calls') return streamToolCalls(model, toolPlan, res, this.countAbort);
    if (this.behaviour && body.stream !== false && toolPlan === undefined) {
      const turn = { provider: 'ollama' as const, model, messages: messages.map((m) => ({ role: String(m?.role), content: String(m?.content ?? '') })) };
      await this.acquire();
      try {
        if (res.destroyed) return;
        const sim = this.behaviour(turn);
        if (sim) return await streamSimulated(model, sim, res, this.countAbort);
      } finally {
        this.release();
      }
    }
    const plan =
      toolPlan?.kind === 'text'
        ? { chunks: splitWords(toolPlan.text), delayMs: this.chunkDelayMs, ending: 'done' as const }
        : planChat(messages, this.reply, this.chunkDelayMs);
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
    return streamPlan(model, plan, final, res, this.countAbort);
  }

  /** Counts a chat stream whose client left before the final line (see `waitForStreamsAborted`). */
  private readonly countAbort = (): void => {
    this.aborted++;
    this.events.emit('streamAborted');
  };

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

  private async pull(body: Record<string, unknown>, res: http.ServerResponse): Promise<void> {
    const model = modelOf(body);
    if (!model) return sendJson(res, 400, { error: 'model is required' });
    return servePull(model, body.stream !== false, res, {
      isInstalled: (m) => this.isInstalled(m),
      install: (m) => void this.installed.push(withTag(m)),
      delayMs: () => this.chunkDelayMs,
    });
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
