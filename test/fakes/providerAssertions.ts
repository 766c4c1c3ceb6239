import * as assert from 'node:assert/strict';
import { isJarvisError, type JarvisError, type JarvisErrorCode } from '../../src/common/errors';
import type { ProviderChunk } from '../../src/core/llm/types';

/** Drains a provider stream. */
export async function collect(stream: AsyncIterable<ProviderChunk>): Promise<ProviderChunk[]> {
  const out: ProviderChunk[] = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

export function textOf(chunks: ProviderChunk[]): string {
  return chunks.map((c) => (c.type === 'text' ? c.text : '')).join('');
}

/** Awaits `work`, asserts it failed with a JarvisError of `code`, and returns that error. */
export async function expectJarvisError(work: Promise<unknown> | (() => Promise<unknown>), code: JarvisErrorCode): Promise<JarvisError> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (e) {
    assert.ok(isJarvisError(e), `expected a JarvisError, got ${String(e)}`);
    assert.equal(e.code, code, `expected code ${code}, got ${e.code}: ${e.message}`);
    return e;
  }
  assert.fail(`expected a JarvisError with code ${code}, but nothing was thrown`);
}

/** Everything a caller or a log could see of an error: message, stack, details and causes. */
export function everythingVisible(e: JarvisError): string {
  const parts = [e.message, e.stack ?? '', JSON.stringify({ ...e.details, cause: undefined })];
  let cause: unknown = e.details.cause;
  for (let i = 0; i < 5 && cause; i++) {
    if (cause instanceof Error) {
      parts.push(cause.message, cause.stack ?? '', JSON.stringify(cause));
      cause = cause.cause;
    } else {
      parts.push(JSON.stringify(cause));
      cause = undefined;
    }
  }
  return parts.join('\n');
}

/** A port that nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
