import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './sse';

/**
 * `GET /v1/models` as the two providers answer it, shared by FakeOpenAIServer and FakeAnthropicServer.
 * A listed model may carry extra fields (Anthropic's lifecycle); a plain string is an id.
 */
export type FakeListedModel = string | { id: string; lifecycle?: 'active' | 'deprecated' | 'retired'; retiresAt?: string; displayName?: string };

/** Misbehaviour of the list endpoint alone (chat is unaffected). */
export type ModelListFault =
  /** The socket is destroyed before any byte of the answer. */
  | 'reset'
  /** 200 with a body that is not JSON. */
  | 'malformed'
  /** Anthropic only: every page says `has_more` and repeats the same `last_id` (a cursor that never advances). */
  | 'stuck-cursor';

const CREATED = 1_717_000_000;
const idOf = (m: FakeListedModel) => (typeof m === 'string' ? m : m.id);

/** Applies a list fault; returns true when it answered (or dropped) the request. */
export function answerListFault(res: ServerResponse, fault: ModelListFault | undefined): boolean {
  if (fault === 'reset') {
    (res as { serverReset?: boolean }).serverReset = true;
    res.socket?.destroy();
    return true;
  }
  if (fault === 'malformed') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"object": "list", "data": [{"id": "gpt-4o", ');
    return true;
  }
  return false;
}

/** OpenAI's list: one page, `{ object: 'list', data: [{ id, object: 'model', created, owned_by }] }`. */
export function sendOpenAIModelList(res: ServerResponse, models: readonly FakeListedModel[]): void {
  sendJson(res, 200, {
    object: 'list',
    data: models.map((m) => ({ id: idOf(m), object: 'model', created: CREATED, owned_by: idOf(m).startsWith('ft:') ? 'acme-org' : 'system' })),
  });
}

/**
 * Anthropic's list, paginated as the API does it: `limit` (default 20, 1..1000), `after_id` / `before_id`
 * cursors, and `{ data, has_more, first_id, last_id }`. Retired models are listed only when asked for
 * with `lifecycle[]=retired` (the API's default is active and deprecated).
 */
export function sendAnthropicModelPage(req: IncomingMessage, res: ServerResponse, models: readonly FakeListedModel[], fault: ModelListFault | undefined): void {
  const query = new URL(req.url ?? '/', 'http://fake').searchParams;
  const limit = query.has('limit') ? Number(query.get('limit')) : 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    sendJson(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'limit: Input should be less than or equal to 1000' } });
    return;
  }
  const lifecycles = query.getAll('lifecycle[]');
  const wanted = lifecycles.length ? lifecycles : ['active', 'deprecated'];
  const visible = models.filter((m) => wanted.includes(typeof m === 'string' ? 'active' : (m.lifecycle ?? 'active')));
  const after = query.get('after_id');
  const before = query.get('before_id');
  let start = 0;
  let end = visible.length;
  if (after !== null) start = visible.findIndex((m) => idOf(m) === after) + 1;
  if (before !== null)
    end = Math.max(
      0,
      visible.findIndex((m) => idOf(m) === before),
    );
  if (fault === 'stuck-cursor') start = 0;
  const page = before !== null ? visible.slice(Math.max(0, end - limit), end) : visible.slice(start, start + limit);
  const hasMore = fault === 'stuck-cursor' || (before !== null ? end - limit > 0 : start + limit < visible.length);
  sendJson(res, 200, {
    data: page.map((m) => {
      const o = typeof m === 'string' ? { id: m } : m;
      return {
        type: 'model',
        id: o.id,
        display_name: o.displayName ?? o.id,
        created_at: '2025-05-22T00:00:00Z',
        lifecycle: o.lifecycle ?? 'active',
        deprecated_at: o.lifecycle && o.lifecycle !== 'active' ? '2026-06-01T00:00:00Z' : null,
        retires_at: o.retiresAt ?? null,
        max_input_tokens: 200_000,
        max_tokens: 64_000,
      };
    }),
    has_more: hasMore,
    first_id: page.length ? idOf(page[0]) : null,
    last_id: page.length ? idOf(page[page.length - 1]) : null,
  });
}

export { idOf as fakeModelId };
