import type { IncomingMessage } from 'node:http';
import { GatewayError } from './GatewayError';

/**
 * The request body as JSON, refusing more than `limit` bytes as soon as they arrive (a client that
 * sends gigabytes is cut off, not buffered) and anything that is not a JSON object.
 * @throws GatewayError 413, 415 or 400
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'];
  if (type !== undefined && !/^application\/json\b/i.test(type)) {
    throw new GatewayError(415, 'invalid_request_error', 'unsupported_media_type', `Send the body as application/json (got ${type}).`);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new GatewayError(400, 'invalid_request_error', 'invalid_json', `The body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GatewayError(400, 'invalid_request_error', 'invalid_json', 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function tooLarge(limit: number): GatewayError {
  return new GatewayError(413, 'invalid_request_error', 'body_too_large', `The body is larger than ${limit} bytes.`);
}
