import { isAbortError } from '../../../common/abort';
import { JarvisError, errorMessage, isJarvisError } from '../../../common/errors';
import { isMalformedLineError } from './ndjsonGuard';

export interface OllamaErrorContext {
  /** Base URL the request went to; named in messages so the user can check it. */
  host: string;
  /** The model the request was about, when there is one: a 404 then means "not installed". */
  model?: string;
  /** The caller's signal: once it has fired, every failure is reported as `cancelled`. */
  signal?: AbortSignal;
}

/**
 * Turns whatever the ollama SDK or fetch threw into a JarvisError a user can act on.
 * The SDK throws `ResponseError` (HTTP status), `TypeError` from fetch (network), `AbortError`,
 * and plain `Error`s for `{"error":...}` lines and streams that end without `done`.
 */
export function toOllamaError(e: unknown, ctx: OllamaErrorContext): JarvisError {
  if (isJarvisError(e)) return e;
  const { host, model } = ctx;
  const base = { cause: e, host, model, provider: 'ollama' };

  if (ctx.signal?.aborted || isAbortError(e)) {
    return new JarvisError('cancelled', 'The request was cancelled.', base);
  }
  if (isMalformedLineError(e) || e instanceof SyntaxError) {
    return new JarvisError('invalid-response', `Ollama at ${host} sent a malformed response. ${errorMessage(e)}`, base);
  }

  const status = httpStatus(e);
  if (/does not support tools/i.test(errorMessage(e))) {
    const name = model ?? 'This model';
    return new JarvisError(
      'invalid-input',
      `The Ollama model "${name}" cannot call tools. Pick one whose \`ollama show\` lists "tools" (for example llama3.1 or qwen2.5), or ask without tools.`,
      { ...base, ...(status !== undefined ? { status } : {}) },
    );
  }
  if (status !== undefined) {
    const text = errorMessage(e);
    // A 404 on an unknown route ("404 page not found") means an old Ollama, not a missing model.
    if (status === 404 && model !== undefined && !/page not found/i.test(text)) {
      return new JarvisError(
        'model-not-found',
        `Model "${model}" is not installed in Ollama. Pull it with \`ollama pull ${model}\` ` + `or run "Jarvis: Pull Ollama Model".`,
        { ...base, status },
      );
    }
    return new JarvisError('provider-error', `Ollama at ${host} returned HTTP ${status}: ${text}`, { ...base, status });
  }

  if (e instanceof TypeError) {
    if (e.message === 'terminated') {
      return new JarvisError('provider-error', `Ollama at ${host} closed the connection before the answer was complete.`, base);
    }
    if (e.message === 'fetch failed' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH/.test(networkCode(e))) {
      return new JarvisError('provider-unreachable', `Cannot reach Ollama at ${host}. Is it running? Start it with \`ollama serve\`.`, base);
    }
  }

  const text = errorMessage(e);
  if (/did not receive done/i.test(text)) {
    return new JarvisError('invalid-response', `Ollama at ${host} ended the response without finishing it.`, base);
  }
  // What remains are `{"error":"..."}` lines the server sent mid-stream.
  return new JarvisError('provider-error', `Ollama reported an error: ${text}`, base);
}

function httpStatus(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const s = (e as { status_code?: unknown }).status_code;
  return typeof s === 'number' ? s : undefined;
}

function networkCode(e: Error): string {
  const cause = e.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' ? cause.code : '';
}
