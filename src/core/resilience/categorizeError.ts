import { isJarvisError } from '../../common/errors';
import { ErrorCategory, ErrorOutcome } from './ErrorCategory';
import { FAILURE_TABLE } from './failureTable';

const { NETWORK, API_LIMIT, AUTHENTICATION, VALIDATION, RESOURCE_UNAVAILABLE, TRANSIENT, FATAL } = ErrorCategory;

/** Node (libuv) socket/DNS error codes that mean "the network or the server is not there". */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
]);

/** undici codes that are about the caller, not the network (everything else UND_ERR_* is). */
const UNDICI_NON_NETWORK: Readonly<Record<string, ErrorOutcome>> = {
  UND_ERR_ABORTED: 'cancelled',
  UND_ERR_INVALID_ARG: FATAL,
  UND_ERR_NOT_SUPPORTED: FATAL,
  UND_ERR_INVALID_RETURN_VALUE: FATAL,
};

/** Maps an HTTP status to a category; undefined for statuses that are not failures. */
export function categorizeHttpStatus(status: number): ErrorCategory | undefined {
  if (status === 401 || status === 403) return AUTHENTICATION;
  if (status === 429) return API_LIMIT;
  // 408 request timeout and 409 lock conflicts are worth another try (the SDKs retry them too).
  if (status === 408 || status === 409) return TRANSIENT;
  if (status === 502 || status === 503 || status === 504 || status === 529) return RESOURCE_UNAVAILABLE;
  if (status >= 500 && status <= 599) return TRANSIENT;
  if (status >= 400 && status <= 499) return VALIDATION;
  return undefined;
}

/**
 * Classifies any thrown value: JarvisErrors by code, SDK/HTTP errors by `status`, Node and undici
 * socket errors by `code` (also when nested in `cause` or an AggregateError), fetch's
 * `TypeError('fetch failed')`, and aborts (→ 'cancelled'). Duck-typed on purpose: classes do not
 * survive bundling or duplicated module copies, these fields do.
 */
export function categorizeError(error: unknown): ErrorOutcome {
  return classify(error, 0, new Set()) ?? fallbackCategory(error);
}

const MAX_DEPTH = 8;

function classify(e: unknown, depth: number, seen: Set<unknown>): ErrorOutcome | undefined {
  if (typeof e !== 'object' || e === null || depth > MAX_DEPTH || seen.has(e)) return undefined;
  seen.add(e);

  if (isJarvisError(e)) {
    if (e.code === 'provider-error' && typeof e.details.status === 'number') {
      return categorizeHttpStatus(e.details.status) ?? TRANSIENT;
    }
    return FAILURE_TABLE[e.code].category;
  }

  const fields = e as { name?: unknown; code?: unknown; status?: unknown; statusCode?: unknown };
  const kind = errorKind(e);

  // AbortSignal.timeout() rejects with a TimeoutError: a deadline passed, nobody cancelled.
  if (kind === 'TimeoutError' || kind === 'APIConnectionTimeoutError') return NETWORK;
  if (kind === 'AbortError' || kind === 'APIUserAbortError' || fields.code === 'ABORT_ERR') return 'cancelled';

  const status = typeof fields.status === 'number' ? fields.status : fields.statusCode;
  if (typeof status === 'number') {
    const byStatus = categorizeHttpStatus(status);
    if (byStatus) return byStatus;
  }

  if (typeof fields.code === 'string') {
    if (NETWORK_CODES.has(fields.code)) return NETWORK;
    if (fields.code.startsWith('UND_ERR_')) return UNDICI_NON_NETWORK[fields.code] ?? NETWORK;
  }

  // The real reason usually sits underneath: fetch's TypeError, the SDKs' APIConnectionError and
  // net's AggregateError (one error per address tried) all wrap the socket error.
  const nested = [(e as { cause?: unknown }).cause, ...(e instanceof AggregateError ? e.errors : [])];
  for (const inner of nested) {
    const found = classify(inner, depth + 1, seen);
    if (found) return found;
  }

  if (kind === 'APIConnectionError') return NETWORK;
  if (e instanceof TypeError && /fetch failed|terminated|network/i.test(e.message)) return NETWORK;
  return undefined;
}

function fallbackCategory(e: unknown): ErrorCategory {
  // Bugs in our own code fail the same way every time.
  if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) return FATAL;
  if (!(e instanceof Error)) return FATAL;
  return TRANSIENT;
}

/**
 * The error's kind: `name` when it is specific, otherwise the constructor's name. openai@6 leaves
 * `name` as "Error" on its classes, so only the constructor tells an APIConnectionError apart.
 */
function errorKind(e: object): string | undefined {
  const name = (e as { name?: unknown }).name;
  if (typeof name === 'string' && name !== 'Error') return name;
  const ctor = (e as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === 'string' ? ctor.name : undefined;
}
