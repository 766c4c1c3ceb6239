import { createHash } from 'node:crypto';
import { JarvisError } from '../../common/errors';
import type { ChatMessage } from '../llm/types';

/** Everything that changes a model's answer; two requests with equal inputs may share a response. */
export interface ResponseCacheKeyInput {
  model: string;
  messages: readonly ChatMessage[];
  /** Sampling parameters (temperature, maxTokens, ...). */
  parameters?: Readonly<Record<string, unknown>>;
  /** User preferences applied to the prompt, which change the answer as much as the prompt does. */
  preferences?: Readonly<Record<string, unknown>>;
}

/**
 * The response cache key: SHA-256 (hex) of the canonical JSON of the request. Canonical means
 * object keys sorted at every depth and `undefined` members dropped, so `{a, b}` and `{b, a}`
 * share a key while any change in content, order of messages or parameters does not.
 */
export function responseCacheKey(input: ResponseCacheKeyInput): string {
  if (typeof input !== 'object' || input === null) {
    throw new JarvisError('invalid-input', 'responseCacheKey: expected { model, messages, parameters?, preferences? }.');
  }
  if (typeof input.model !== 'string' || input.model === '') {
    throw new JarvisError('invalid-input', 'responseCacheKey: model must be a non-empty string.');
  }
  if (!Array.isArray(input.messages)) {
    throw new JarvisError('invalid-input', 'responseCacheKey: messages must be an array of { role, content }.');
  }
  const canonical = canonicalJson({
    model: input.model,
    messages: input.messages,
    parameters: input.parameters ?? {},
    preferences: input.preferences ?? {},
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/** JSON with sorted keys; refuses values JSON would silently change (NaN, functions, cycles...). */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw unsupported(path, String(value));
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') throw unsupported(path, typeof value);
  if (ancestors.has(value)) throw unsupported(path, 'a circular reference');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((v, i) => (v === undefined ? 'null' : write(v, `${path}[${i}]`, ancestors))).join(',')}]`;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw unsupported(path, `an instance of ${value.constructor?.name ?? 'a class'}`);
    const members = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${write((value as Record<string, unknown>)[k], `${path}.${k}`, ancestors)}`);
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

function unsupported(path: string, what: string): JarvisError {
  return new JarvisError('invalid-input', `Cannot build a cache key: ${path} is ${what}; only plain JSON values are allowed.`);
}
