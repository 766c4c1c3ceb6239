/** Shared setup for the OpenAI and Anthropic provider tests against their fake servers. */
import type { CloudConnection } from '../../../src/core/llm/CloudConnection';
import type { ProviderChatRequest } from '../../../src/core/llm/types';
import type { Logger } from '../../../src/core/ports';

/** A logger that appends every line, whatever its level, to `lines`. */
export function capturingLogger(lines: string[]): Logger {
  const log = (message: unknown, ...args: unknown[]) => lines.push([message, ...args].map(String).join(' '));
  return { trace: log, debug: log, info: log, warn: log, error: log };
}

/** A connection to a fake server: no SDK retries, a 5 s timeout; `over` replaces fields. */
export function fakeConnection(baseUrl: string, apiKey: string, over: Partial<CloudConnection> = {}): CloudConnection {
  return { baseUrl, apiKey, maxRetries: 0, timeoutMs: 5000, ...over };
}

/** Builds requests to `model`: a short system message, then the user's prompt; `extra` replaces fields. */
export function askFor(model: string): (prompt: string, extra?: Partial<ProviderChatRequest>) => ProviderChatRequest {
  return (prompt, extra = {}) => ({
    model,
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: prompt },
    ],
    ...extra,
  });
}
