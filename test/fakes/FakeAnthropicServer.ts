import type { IncomingMessage, ServerResponse } from 'node:http';
import { countTokens, FakeCloudServer, type FakeServerOptions, fakeReply, type RecordedRequest } from './FakeCloudServer';
import { argumentPieces, fakeToolPlan, type ToolPlan } from './fakeToolPlan';
import { splitPieces } from './SimulatedReply';
import { answerListFault, sendAnthropicModelPage } from './fakeModelLists';
import { sendJson, type SseFrame } from './sse';

const DEFAULT_MODELS = ['claude-3-5-haiku-latest', 'claude-sonnet-4-5'];

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

interface MessagesBody {
  model?: unknown;
  max_tokens?: unknown;
  system?: unknown;
  messages?: unknown;
  stream?: unknown;
  tools?: unknown;
  tool_choice?: { type?: unknown };
}

interface Block {
  type?: unknown;
  text?: unknown;
  id?: unknown;
  tool_use_id?: unknown;
  content?: unknown;
}

/**
 * A real HTTP server speaking Anthropic's Messages API: named SSE events, the key (`x-api-key` or
 * bearer) and `anthropic-version` headers, and Anthropic's error bodies. It validates requests as strictly as
 * the API historically did (alternating roles, no `system` role, required `max_tokens`).
 */
export class FakeAnthropicServer extends FakeCloudServer {
  private nextId = 1;
  protected readonly streamErrorType = 'api_error';

  private constructor(options: FakeServerOptions) {
    super(options, DEFAULT_MODELS);
  }

  static async start(options: FakeServerOptions = {}): Promise<FakeAnthropicServer> {
    const fake = new FakeAnthropicServer(options);
    await fake.listen();
    return fake;
  }

  /** Base URL for the SDK, which appends `/v1/messages` itself. */
  get url(): string {
    return this.origin;
  }

  protected authorize(req: IncomingMessage, res: ServerResponse): boolean {
    // The API takes the key as `x-api-key` or, as SDK 1.x sends it, `Authorization: Bearer`.
    const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '');
    const key = req.headers['x-api-key'] ?? bearer;
    if (typeof key !== 'string' || key === '') {
      sendJson(res, 401, anthropicError('authentication_error', 'x-api-key header is required'));
      return false;
    }
    if (key !== this.apiKey) {
      const message = this.echoKeyInErrors ? `invalid x-api-key: ${key}` : 'invalid x-api-key';
      sendJson(res, 401, anthropicError('authentication_error', message));
      return false;
    }
    if (!req.headers['anthropic-version']) {
      sendJson(res, 400, anthropicError('invalid_request_error', 'anthropic-version: header is required'));
      return false;
    }
    return true;
  }

  protected errorBody(status: number, message: string): unknown {
    if (status === 529) return anthropicError('overloaded_error', 'Overloaded');
    if (status === 429) return anthropicError('rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit.');
    return anthropicError(ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error'), message);
  }

  protected errorFrame(type: string, message: string): SseFrame {
    return { event: 'error', data: anthropicError(type, message) };
  }

  protected async route(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
    const route = `${req.method} ${record.path}`;
    if (route === 'GET /v1/models') {
      if (!answerListFault(res, this.listFault)) sendAnthropicModelPage(req, res, this.listedModels ?? this.models, this.listFault);
    } else if (route === 'POST /v1/messages') {
      await this.messages(res, record.body as MessagesBody);
    } else {
      sendJson(res, 404, anthropicError('not_found_error', 'Not Found'));
    }
  }

  private async messages(res: ServerResponse, body: MessagesBody | undefined): Promise<void> {
    const problem = validate(body, this.models);
    if (problem) {
      sendJson(res, problem.status, anthropicError(problem.status === 404 ? 'not_found_error' : 'invalid_request_error', problem.message));
      return;
    }
    const b = body as Required<Pick<MessagesBody, 'model' | 'max_tokens'>> & MessagesBody;
    const messages = b.messages as { role: string; content: unknown }[];
    const model = b.model as string;
    const last = messages[messages.length - 1];
    const results = Array.isArray(last.content) ? (last.content as Block[]).filter((x) => x?.type === 'tool_result').map((x) => textOf(x.content)) : [];
    const names = Array.isArray(b.tools) ? b.tools.map((t: { name?: unknown }) => String(t?.name ?? '')) : [];
    const toolPlan = fakeToolPlan(textOf(last.content), results, names, b.tool_choice?.type === 'any');
    if (toolPlan?.kind === 'calls') {
      await this.streamToolUse(res, model, toolPlan);
      return;
    }
    const id = `msg_fake${this.nextId++}`;
    const headers = { 'request-id': `req_${id}` };
    const maxTokens = b.max_tokens as number;
    if (b.stream === true && toolPlan === undefined) {
      const turn = {
        provider: 'anthropic' as const,
        model,
        messages: [
          ...(b.system !== undefined ? [{ role: 'system', content: textOf(b.system) }] : []),
          ...messages.map((m) => ({ role: m.role, content: textOf(m.content) })),
        ],
      };
      const handled = await this.simulate(
        res,
        turn,
        (sim) => {
          const all = splitPieces(sim.text, sim.wordsPerPiece);
          const pieces = all.slice(0, maxTokens);
          return streamFrames(id, model, pieces, pieces.length < all.length ? 'max_tokens' : 'end_turn', sim.promptTokens, sim.completionTokens);
        },
        headers,
      );
      if (handled) return;
    }
    const reply =
      toolPlan?.kind === 'text'
        ? { pieces: toolPlan.text.match(/\s*\S+/g) ?? [toolPlan.text], delayMs: 0, ending: 'done' as const }
        : fakeReply('Hello from fake Anthropic.', textOf(last.content), messages.length);
    const pieces = reply.pieces.slice(0, maxTokens);
    const stopReason = pieces.length < reply.pieces.length ? 'max_tokens' : 'end_turn';
    const inputTokens = countTokens(textOf(b.system)) + messages.reduce((n, m) => n + countTokens(textOf(m.content)), 0);

    if (b.stream !== true) {
      sendJson(
        res,
        200,
        {
          id,
          type: 'message',
          role: 'assistant',
          model,
          content: [{ type: 'text', text: pieces.join('') }],
          stop_reason: stopReason,
          stop_sequence: null,
          usage: { input_tokens: inputTokens, output_tokens: pieces.length },
        },
        headers,
      );
      return;
    }
    await this.playStream(res, streamFrames(id, model, pieces, stopReason, inputTokens, pieces.length), reply, headers);
  }

  private async streamToolUse(res: ServerResponse, model: string, plan: Extract<ToolPlan, { kind: 'calls' }>): Promise<void> {
    const frames = streamToolUseFrames(model, `msg_fake${this.nextId++}`, plan, () => this.nextId++);
    await this.playStream(res, frames, { delayMs: plan.slow ? 50 : 0, ending: 'done' });
  }
}

/** Claude's usual shape of a tool turn: a short text block, then one tool_use block per call. */
function streamToolUseFrames(model: string, id: string, plan: Extract<ToolPlan, { kind: 'calls' }>, nextId: () => number): { frame: SseFrame }[] {
  const ev = (event: string, data: Record<string, unknown>) => ({ frame: { event, data: { type: event, ...data } } });
  const frames = [
    ev('message_start', {
      message: {
        id,
        type: 'message',
        role: 'assistant',
        content: [],
        model,
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 20, output_tokens: 1 },
      },
    }),
    ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
    ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: `I will call ${plan.calls.map((c) => c.name).join(' and ')}.` } }),
    ev('content_block_stop', { index: 0 }),
  ];
  plan.calls.forEach((c, i) => {
    const index = i + 1;
    frames.push(ev('content_block_start', { index, content_block: { type: 'tool_use', id: `toolu_fake${nextId()}`, name: c.name, input: {} } }));
    // The API's first input_json_delta is often empty.
    for (const partial_json of ['', ...argumentPieces(c.argumentsText, plan.slow)]) {
      frames.push(ev('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json } }));
    }
    frames.push(ev('content_block_stop', { index }));
  });
  if (plan.cut) frames.splice(Math.max(6, frames.length - 3));
  else {
    frames.push(ev('message_delta', { delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 30 } }));
    frames.push(ev('message_stop', {}));
  }
  return frames;
}

/** The SSE events of a streamed Messages API answer. */
function streamFrames(
  id: string,
  model: string,
  pieces: string[],
  stopReason: string,
  inputTokens: number,
  outputTokens: number,
): { frame: SseFrame; text?: boolean }[] {
  return [
    {
      frame: {
        event: 'message_start',
        data: {
          type: 'message_start',
          message: {
            id,
            type: 'message',
            role: 'assistant',
            content: [],
            model,
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: inputTokens, output_tokens: 1 },
          },
        },
      },
    },
    { frame: { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } } } },
    { frame: { event: 'ping', data: { type: 'ping' } } },
    ...pieces.map((text) => ({
      frame: { event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } } },
      text: true,
    })),
    { frame: { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } } },
    {
      frame: {
        event: 'message_delta',
        data: {
          type: 'message_delta',
          delta: { stop_reason: stopReason, stop_sequence: null },
          usage: { output_tokens: outputTokens },
        },
      },
    },
    { frame: { event: 'message_stop', data: { type: 'message_stop' } } },
  ];
}

export function anthropicError(type: string, message: string): unknown {
  return { type: 'error', error: { type, message } };
}

function validate(body: MessagesBody | undefined, models: string[]): { status: number; message: string } | undefined {
  if (typeof body !== 'object' || body === null) return { status: 400, message: 'Request body must be a JSON object' };
  if (typeof body.model !== 'string') return { status: 400, message: 'model: Field required' };
  if (!models.includes(body.model)) return { status: 404, message: `model: ${body.model}` };
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1) {
    return { status: 400, message: 'max_tokens: Field required' };
  }
  if (body.system !== undefined && typeof body.system !== 'string' && !Array.isArray(body.system)) {
    return { status: 400, message: 'system: Input should be a valid string' };
  }
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools)) return { status: 400, message: 'tools: Input should be a valid list' };
    for (const [i, t] of body.tools.entries()) {
      const tool = t as { name?: unknown; input_schema?: { type?: unknown } };
      if (typeof tool?.name !== 'string') return { status: 400, message: `tools.${i}.custom.name: Field required` };
      if (tool.input_schema?.type !== 'object') return { status: 400, message: `tools.${i}.custom.input_schema.type: Input should be 'object'` };
    }
  }
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) return { status: 400, message: 'messages: at least one message is required' };
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as { role?: unknown; content?: unknown };
    const pairing = toolPairingProblem(messages as { content?: unknown }[], i);
    if (pairing) return { status: 400, message: pairing };
    if (m.role !== 'user' && m.role !== 'assistant') {
      return {
        status: 400,
        message: `messages.${i}.role: Unexpected role "${String(m.role)}". The Messages API accepts a top-level \`system\` parameter, not "system" as an input message role.`,
      };
    }
    const blocks = Array.isArray(m.content) ? (m.content as Block[]) : [];
    if (blocks.some((x) => x?.type === 'text' && textOf(x.text).trim() === ''))
      return { status: 400, message: `messages.${i}: text content blocks must be non-empty` };
    if (!blocks.some((x) => x?.type === 'tool_use' || x?.type === 'tool_result') && textOf(m.content).trim() === '')
      return { status: 400, message: `messages.${i}: text content blocks must be non-empty` };
    if (i === 0 && m.role !== 'user') return { status: 400, message: 'messages: first message must use the "user" role' };
    if (i > 0 && (messages[i - 1] as { role?: unknown }).role === m.role) {
      return { status: 400, message: `messages: roles must alternate between "user" and "assistant", but found multiple "${m.role}" roles in a row` };
    }
  }
  return undefined;
}

/** The API's rule: each tool_use is answered by a tool_result in the very next message, and only then. */
function toolPairingProblem(messages: { content?: unknown }[], i: number): string | undefined {
  const blocks = (k: number) => (Array.isArray(messages[k]?.content) ? (messages[k].content as Block[]) : []);
  const uses = blocks(i)
    .filter((x) => x?.type === 'tool_use')
    .map((x) => x.id);
  if (uses.length > 0) {
    const answered = new Set(
      blocks(i + 1)
        .filter((x) => x?.type === 'tool_result')
        .map((x) => x.tool_use_id),
    );
    const missing = uses.filter((id) => !answered.has(id));
    if (missing.length > 0) {
      return `messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
    }
  }
  const prior = new Set(
    i > 0
      ? blocks(i - 1)
          .filter((x) => x?.type === 'tool_use')
          .map((x) => x.id)
      : [],
  );
  const orphan = blocks(i).find((x) => x?.type === 'tool_result' && !prior.has(x.tool_use_id));
  if (orphan) {
    return `messages.${i}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${String(orphan.tool_use_id)}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
  }
  return undefined;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p: { text?: unknown }) => (typeof p?.text === 'string' ? p.text : '')).join(' ');
  return '';
}
