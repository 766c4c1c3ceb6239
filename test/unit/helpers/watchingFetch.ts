/**
 * A fetch that hands each piece of every response body to `onText` as it arrives, so a test can act
 * at a precise point of a stream (cancel once a tool call has started) without sleeping.
 */
export function watchingFetch(onText: (text: string) => void): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.body) return response;
    const decoder = new TextDecoder();
    const watched = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          controller.enqueue(chunk);
          onText(decoder.decode(chunk, { stream: true }));
        },
      }),
    );
    return new Response(watched, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
