/**
 * The ollama SDK parses NDJSON itself and silently skips (console.warn) any line that is not JSON,
 * so a corrupted stream would look like a shorter answer. This fetch wrapper validates each line
 * before the SDK sees it and fails the stream instead.
 */

const BRAND = Symbol.for('jarvis.ollama.malformedLine');

export class OllamaMalformedLineError extends Error {
  readonly [BRAND] = true;
  constructor(readonly line: string) {
    super(`Ollama sent a line that is not JSON: ${line.length > 80 ? `${line.slice(0, 77)}...` : line}`);
    this.name = 'OllamaMalformedLineError';
  }
}

export function isMalformedLineError(e: unknown): e is OllamaMalformedLineError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}

/** Wraps `fetch` so that successful response bodies are checked line by line. */
export function guardNdjson(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (!response.ok || !response.body) return response;
    return new Response(response.body.pipeThrough(ndjsonValidator()), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function ndjsonValidator(): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder('utf-8');
  const encoder = new TextEncoder();
  let buffer = '';
  const check = (line: string, controller: TransformStreamDefaultController<Uint8Array>): boolean => {
    if (line.trim() === '') return true;
    try {
      JSON.parse(line);
    } catch {
      controller.error(new OllamaMalformedLineError(line));
      return false;
    }
    controller.enqueue(encoder.encode(`${line}\n`));
    return true;
  };
  return new TransformStream({
    transform(chunk, controller) {
      buffer += decoder.decode(chunk, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (!check(line, controller)) return;
    },
    flush(controller) {
      buffer += decoder.decode();
      check(buffer, controller);
    },
  });
}
