import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { countTokens, FakeCloudServer, type FakeServerOptions, fakeReply, type RecordedRequest } from './FakeCloudServer';
import { argumentPieces, arrayWithoutItems, fakeToolPlan, type ToolPlan } from './fakeToolPlan';
import { splitPieces } from './SimulatedReply';
import { answerListFault, sendOpenAIModelList } from './fakeModelLists';
import { sendJson, type SseFrame } from './sse';

const DEFAULT_MODELS = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small'];
const CREATED = 1_717_000_000;

interface ChatBody {
  model?: unknown;
  messages?: unknown;
  stream?: unknown;
  stream_options?: { include_usage?: unknown } | null;
  max_tokens?: unknown;
  max_completion_tokens?: unknown;
  tools?: unknown;
  tool_choice?: unknown;
}

interface WireMessage {
  role?: unknown;
  content?: unknown;
  tool_calls?: { id?: unknown }[];
  tool_call_id?: unknown;
}

/**
 * A real HTTP server speaking the OpenAI REST API (the parts Jarvis uses): streaming and plain
 * chat completions, embeddings (float and base64) and the model list, with OpenAI's error bodies.
 */
export class FakeOpenAIServer extends FakeCloudServer {
  private nextId = 1;
  protected readonly streamErrorType = 'server_error';

  private constructor(options: FakeServerOptions) {
    super(options, DEFAULT_MODELS);
  }

  static async start(options: FakeServerOptions = {}): Promise<FakeOpenAIServer> {
    const fake = new FakeOpenAIServer(options);
    await fake.listen();
    return fake;
  }

  /** Base URL for the SDK, including `/v1` as OpenAI's does. */
  get url(): string {
    return `${this.origin}/v1`;
  }

  protected authorize(req: IncomingMessage, res: ServerResponse): boolean {
    const header = req.headers.authorization;
    if (!header) {
      sendJson(
        res,
        401,
        openAiError(
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
          'invalid_request_error',
          null,
        ),
      );
      return false;
    }
    const key = header.replace(/^Bearer\s+/i, '');
    if (key === this.apiKey) return true;
    // OpenAI masks all but the ends of the key it received.
    const shown = this.echoKeyInErrors ? key : `${key.slice(0, 3)}****${key.slice(-4)}`;
    sendJson(
      res,
      401,
      openAiError(
        `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        'invalid_request_error',
        'invalid_api_key',
      ),
    );
    return false;
  }

  protected errorBody(status: number, message: string): unknown {
    if (status === 429) return openAiError('Rate limit reached for requests. Please try again later.', 'requests', 'rate_limit_exceeded');
    if (status === 404) return openAiError(message, 'invalid_request_error', 'model_not_found');
    if (status >= 500) return openAiError('The server had an error while processing your request. Sorry about that!', 'server_error', null);
    return openAiError(message, 'invalid_request_error', null);
  }

  protected errorFrame(type: string, message: string): SseFrame {
    return { data: openAiError(message, type, null) };
  }

  protected async route(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
    const route = `${req.method} ${record.path}`;
    if (route === 'GET /v1/models') {
      if (!answerListFault(res, this.listFault)) sendOpenAIModelList(res, this.listedModels ?? this.models);
    } else if (route === 'POST /v1/chat/completions') {
      await this.chat(res, record.body as ChatBody);
    } else if (route === 'POST /v1/embeddings') {
      this.embeddings(res, record.body as { model?: unknown; input?: unknown; encoding_format?: unknown; dimensions?: unknown });
    } else {
      sendJson(res, 404, openAiError(`Invalid URL (${req.method} ${record.path})`, 'invalid_request_error', null));
    }
  }

  private checkModel(res: ServerResponse, model: unknown): model is string {
    if (typeof model !== 'string') {
      sendJson(res, 400, openAiError('you must provide a model parameter', 'invalid_request_error', null));
      return false;
    }
    if (!this.models.includes(model)) {
      sendJson(res, 404, openAiError(`The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'));
      return false;
    }
    return true;
  }

  private async chat(res: ServerResponse, body: ChatBody | undefined): Promise<void> {
    if (typeof body !== 'object' || body === null) {
      sendJson(res, 400, openAiError('We could not parse the JSON body of your request.', 'invalid_request_error', null));
      return;
    }
    if (!this.checkModel(res, body.model)) return;
    const messages = body.messages;
    if (!Array.isArray(messages) || messages.length === 0) {
      sendJson(res, 400, openAiError("Invalid 'messages': empty array. Expected an array with minimum length 1.", 'invalid_request_error', 'empty_array'));
      return;
    }
    const model = body.model as string;
    const problem = toolProblem(body.tools, messages as WireMessage[]);
    if (problem) {
      sendJson(res, 400, openAiError(problem, 'invalid_request_error', null));
      return;
    }
    const toolPlan = planFor(messages as WireMessage[], body);
    if (toolPlan?.kind === 'calls') {
      await this.streamToolCalls(res, model, toolPlan, body.stream_options?.include_usage === true);
      return;
    }
    const id = `chatcmpl-fake${this.nextId++}`;
    const headers = { 'x-request-id': `req_${id}`, 'openai-processing-ms': '5' };
    const includeUsage = body.stream_options?.include_usage === true;
    const limit =
      typeof body.max_completion_tokens === 'number' ? body.max_completion_tokens : typeof body.max_tokens === 'number' ? body.max_tokens : Infinity;
    if (body.stream === true && toolPlan === undefined) {
      const turn = {
        provider: 'openai' as const,
        model,
        messages: messages.map((m: { role?: unknown; content?: unknown }) => ({ role: String(m?.role), content: textOf(m?.content) })),
      };
      const handled = await this.simulate(
        res,
        turn,
        (sim) => {
          const all = splitPieces(sim.text, sim.wordsPerPiece);
          const pieces = all.slice(0, limit);
          const usage = { prompt_tokens: sim.promptTokens, completion_tokens: sim.completionTokens, total_tokens: sim.promptTokens + sim.completionTokens };
          return streamFrames(id, model, pieces, pieces.length < all.length ? 'length' : 'stop', includeUsage ? usage : undefined);
        },
        headers,
      );
      if (handled) return;
    }
    const prompt = lastUserText(messages);
    const reply =
      toolPlan?.kind === 'text'
        ? { pieces: toolPlan.text.match(/\s*\S+/g) ?? [toolPlan.text], delayMs: 0, ending: 'done' as const }
        : fakeReply('Hello from fake OpenAI.', prompt, messages.length);
    const pieces = reply.pieces.slice(0, limit);
    const finishReason = pieces.length < reply.pieces.length ? 'length' : 'stop';
    const usage = {
      prompt_tokens: messages.reduce((n: number, m: { content?: unknown }) => n + countTokens(textOf(m?.content)), 0),
      completion_tokens: pieces.length,
      total_tokens: 0,
    };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;

    if (body.stream !== true) {
      sendJson(
        res,
        200,
        {
          id,
          object: 'chat.completion',
          created: CREATED,
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: pieces.join(''), refusal: null }, logprobs: null, finish_reason: finishReason }],
          usage,
          system_fingerprint: 'fp_fake',
        },
        headers,
      );
      return;
    }
    await this.playStream(res, streamFrames(id, model, pieces, finishReason, includeUsage ? usage : undefined), reply, headers);
  }

  /**
   * A call streams as OpenAI's does: its first delta carries index, id, type and name with empty
   * arguments, later deltas only pieces of the arguments; the choice ends with "tool_calls".
   */
  private async streamToolCalls(res: ServerResponse, model: string, plan: Extract<ToolPlan, { kind: 'calls' }>, includeUsage: boolean): Promise<void> {
    const id = `chatcmpl-fake${this.nextId++}`;
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}): SseFrame => ({
      data: {
        id,
        object: 'chat.completion.chunk',
        created: CREATED,
        model,
        system_fingerprint: 'fp_fake',
        choices,
        ...(includeUsage ? { usage: null } : {}),
        ...extra,
      },
    });
    const delta = (d: unknown, finish: string | null = null) => chunk([{ index: 0, delta: d, logprobs: null, finish_reason: finish }]);
    const frames: { frame: SseFrame; text?: boolean }[] = [{ frame: delta({ role: 'assistant', content: null, refusal: null }) }];
    plan.calls.forEach((c, index) => {
      const callId = `call_fake${this.nextId++}`;
      frames.push({ frame: delta({ tool_calls: [{ index, id: callId, type: 'function', function: { name: c.name, arguments: '' } }] }) });
      for (const piece of argumentPieces(c.argumentsText, plan.slow))
        frames.push({ frame: delta({ tool_calls: [{ index, function: { arguments: piece } }] }) });
    });
    if (plan.cut) frames.splice(Math.max(2, frames.length - 2));
    else {
      frames.push({ frame: delta({}, 'tool_calls') });
      if (includeUsage) frames.push({ frame: chunk([], { usage: { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21 } }) });
      frames.push({ frame: { data: '[DONE]' } });
    }
    await this.playStream(res, frames, { delayMs: plan.slow ? 50 : 0, ending: 'done' });
  }

  private embeddings(res: ServerResponse, body: { model?: unknown; input?: unknown; encoding_format?: unknown; dimensions?: unknown } | undefined): void {
    if (typeof body !== 'object' || body === null) {
      sendJson(res, 400, openAiError('We could not parse the JSON body of your request.', 'invalid_request_error', null));
      return;
    }
    if (!this.checkModel(res, body.model)) return;
    const inputs = typeof body.input === 'string' ? [body.input] : body.input;
    if (!Array.isArray(inputs) || inputs.length === 0 || inputs.some((s) => typeof s !== 'string' || s === '')) {
      sendJson(
        res,
        400,
        openAiError("'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", 'invalid_request_error', null),
      );
      return;
    }
    const dims = typeof body.dimensions === 'number' ? body.dimensions : 1536;
    const base64 = body.encoding_format === 'base64';
    const tokens = (inputs as string[]).reduce((n, s) => n + countTokens(s), 0);
    sendJson(res, 200, {
      object: 'list',
      data: (inputs as string[]).map((text, index) => {
        const vector = fakeEmbedding(text, dims);
        return {
          object: 'embedding',
          index,
          embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector,
        };
      }),
      model: body.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }
}

/** OpenAI's own checks of tools and tool messages, with its messages. */
function toolProblem(tools: unknown, messages: WireMessage[]): string | undefined {
  if (tools !== undefined) {
    if (!Array.isArray(tools)) return "Invalid type for 'tools': expected an array.";
    for (const [i, t] of tools.entries()) {
      const fn = (t as { type?: unknown; function?: { name?: unknown; parameters?: { type?: unknown } } })?.function;
      if ((t as { type?: unknown }).type !== 'function' || typeof fn?.name !== 'string') return `Missing required parameter: 'tools[${i}].function'.`;
      if (fn.parameters !== undefined && fn.parameters.type !== 'object') {
        return `Invalid schema for function '${fn.name}': schema must be a JSON Schema of 'type: "object"', got 'type: "${String(fn.parameters.type)}"'.`;
      }
      const bad = arrayWithoutItems(fn.parameters);
      if (bad) return `Invalid schema for function '${fn.name}': In context=('properties', '${bad}'), array schema missing items.`;
    }
  }
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    if (m?.role === 'tool') {
      let j = i - 1;
      while (j >= 0 && messages[j]?.role === 'tool') j--;
      const ids = (messages[j]?.tool_calls ?? []).map((c) => c?.id);
      if (!ids.includes(m.tool_call_id)) return `Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.`;
    }
    if (m?.role === 'assistant' && Array.isArray(m.tool_calls) && m.tool_calls.length > 0) {
      const answered = new Set<unknown>();
      for (let j = i + 1; j < messages.length && messages[j]?.role === 'tool'; j++) answered.add(messages[j].tool_call_id);
      const missing = m.tool_calls.map((c) => c?.id).filter((id) => !answered.has(id));
      if (missing.length > 0) {
        return `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${missing.join(', ')}`;
      }
    }
  }
  return undefined;
}

function planFor(messages: WireMessage[], body: ChatBody): ToolPlan | undefined {
  const results: string[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]?.role === 'tool'; i--) results.unshift(textOf(messages[i].content));
  const last = messages[messages.length - 1];
  const names = Array.isArray(body.tools) ? body.tools.map((t: { function?: { name?: unknown } }) => String(t?.function?.name ?? '')) : [];
  return fakeToolPlan(last?.role === 'user' ? textOf(last.content) : '', results, names, body.tool_choice === 'required');
}

/** The SSE events of a streamed chat completion; `usage` (when asked for) comes in a last chunk. */
function streamFrames(
  id: string,
  model: string,
  pieces: string[],
  finishReason: string,
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | undefined,
): { frame: SseFrame; text?: boolean }[] {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}): SseFrame => ({
    data: {
      id,
      object: 'chat.completion.chunk',
      created: CREATED,
      model,
      system_fingerprint: 'fp_fake',
      choices,
      ...(usage ? { usage: null } : {}),
      ...extra,
    },
  });
  return [
    { frame: chunk([{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }]) },
    ...pieces.map((p) => ({ frame: chunk([{ index: 0, delta: { content: p }, logprobs: null, finish_reason: null }]), text: true })),
    { frame: chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: finishReason }]) },
    ...(usage ? [{ frame: chunk([], { usage }) }] : []),
    { frame: { data: '[DONE]' } },
  ];
}

export function openAiError(message: string, type: string, code: string | null): unknown {
  return { error: { message, type, param: null, code } };
}

/** A deterministic unit vector for `text`: equal texts embed equally, different ones differ. */
export function fakeEmbedding(text: string, dims: number): number[] {
  const out: number[] = [];
  let block = 0;
  while (out.length < dims) {
    const digest = createHash('sha256').update(`${block++}:${text}`).digest();
    for (let i = 0; i + 1 < digest.length && out.length < dims; i += 2) out.push(digest.readInt16LE(i) / 32768);
  }
  const norm = Math.hypot(...out) || 1;
  // Rounded through Float32 so float and base64 encodings give identical numbers.
  return Array.from(new Float32Array(out.map((x) => x / norm)));
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p: { text?: unknown }) => (typeof p?.text === 'string' ? p.text : '')).join(' ');
  return '';
}

function lastUserText(messages: { role?: unknown; content?: unknown }[]): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.role === 'user') return textOf(messages[i].content);
  return '';
}
