import { Ollama } from 'ollama';
import { JarvisError } from '../../../common/errors';
import { guardNdjson } from './ndjsonGuard';
import type { OllamaConnection } from './OllamaTypes';
import { withSignal } from './withSignal';

/**
 * Builds a fresh SDK client for ONE request: the SDK's `abort()` cancels every stream of a client,
 * so sharing one would let cancelling one chat kill the others.
 */
export function createOllamaClient(connection: OllamaConnection, options: { signal?: AbortSignal; streaming?: boolean } = {}): Ollama {
  const host = connection.host;
  let url: URL | undefined;
  try {
    url = new URL(host);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new JarvisError('invalid-input', `The Ollama host "${host}" is not an http(s) URL. Set jarvis.ollama.host to e.g. http://localhost:11434.`, {
      host,
      provider: 'ollama',
    });
  }
  let f: typeof fetch = connection.fetch ?? ((input, init) => fetch(input, init));
  if (options.streaming) f = guardNdjson(f);
  return new Ollama({ host, fetch: withSignal(f, options.signal) });
}
