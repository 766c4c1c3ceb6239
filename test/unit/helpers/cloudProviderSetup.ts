/** Shared setup for the OpenAI and Anthropic provider tests against their fake servers. */
import * as assert from 'node:assert/strict';
import type { CloudConnection } from '../../../src/core/llm/CloudConnection';
import type { LlmProvider, ProviderChatRequest } from '../../../src/core/llm/types';
import { collect, expectJarvisError, textOf } from '../../fakes/providerAssertions';

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

/**
 * The fakes' shared prompt markers through a provider: [[error]] streams a partial answer then fails,
 * [[garbage]] sends a malformed chunk, [[history]] echoes how many messages arrived (`historyCount`).
 */
export async function assertFollowsMarkers(provider: () => LlmProvider, ask: (prompt: string) => ProviderChatRequest, historyCount: number): Promise<void> {
  const seen: string[] = [];
  const e = await expectJarvisError(async () => {
    for await (const c of provider().chat(ask('x [[error]]'))) if (c.type === 'text') seen.push(c.text);
  }, 'provider-error');
  assert.equal(seen.join(''), 'Partial answer ');
  assert.match(e.message, /boom/);
  await expectJarvisError(collect(provider().chat(ask('x [[garbage]]'))), 'invalid-response');
  assert.equal(textOf(await collect(provider().chat(ask('x [[history]]')))), `history:${historyCount}`);
}
