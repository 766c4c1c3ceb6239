import type { IncomingMessage, ServerResponse } from 'node:http';

/** One server-sent event: `event: <name>` (when named) and `data: <json or raw text>`. */
export interface SseFrame {
  event?: string;
  /** Serialised with JSON.stringify unless it is a string, which is written as is (`[DONE]`). */
  data: unknown;
}

/** Sends the headers of an event stream, as the OpenAI and Anthropic APIs do. */
export function openEventStream(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  // Flush the headers now so the client's SDK call resolves before the first event.
  res.flushHeaders();
}

export function formatSse(frame: SseFrame): string {
  const data = typeof frame.data === 'string' ? frame.data : JSON.stringify(frame.data);
  return `${frame.event === undefined ? '' : `event: ${frame.event}\n`}data: ${data}\n\n`;
}

export function writeSse(res: ServerResponse, frame: SseFrame): void {
  res.write(formatSse(frame));
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
