/**
 * The ollama SDK passes an AbortSignal to fetch only for streamed requests, and only once the
 * response has arrived can its `abort()` reach them. Binding our signal into fetch itself also
 * cancels the connect phase and the non-streamed calls (version, tags, embed...).
 */
export function withSignal(inner: typeof fetch, signal: AbortSignal | undefined): typeof fetch {
  if (!signal) return inner;
  return (input, init) => {
    const own = init?.signal;
    return inner(input, { ...init, signal: own ? AbortSignal.any([own, signal]) : signal });
  };
}
