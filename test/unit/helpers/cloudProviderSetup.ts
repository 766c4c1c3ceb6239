/** Shared setup for the OpenAI and Anthropic provider tests against their fake servers. */
import * as assert from 'node:assert/strict';
import type { Clock } from '../../../src/common/Clock';
import type { CloudConnection } from '../../../src/core/llm/CloudConnection';
import type { LlmProvider, ProviderChatRequest } from '../../../src/core/llm/types';
import type { Logger } from '../../../src/core/ports';
import { capturingLogger } from '../../fakes/capturingLogger';
import { collect, expectJarvisError, textOf } from '../../fakes/providerAssertions';

/** What a provider test file sees: a fresh fake server per test, providers for it, requests to its model. */
export interface CloudProviderSetup<Fake, Provider> {
  /** This test's server (a new one per test). */
  readonly fake: Fake;
  /** Every line the providers logged in this test (so a test can check a key never reaches the log). */
  readonly logLines: string[];
  /** A provider for the fake with the test key; `over` replaces connection fields. */
  provider(over?: Partial<CloudConnection>, clock?: Clock): Provider;
  /** A request to the model: a short system message, then `prompt`. */
  ask(prompt: string, extra?: Partial<ProviderChatRequest>): ProviderChatRequest;
}

/**
 * Registers the per-test server's hooks (call it inside `describe`): `start` makes a server accepting
 * `apiKey`, `make` the provider from its connection and logger. The getters read the current test's
 * server, which `beforeEach` replaces.
 */
export function useCloudProvider<Fake extends { url: string; close(): Promise<void> }, Provider>(options: {
  apiKey: string;
  model: string;
  start: (apiKey: string) => Promise<Fake>;
  make: (connection: () => CloudConnection, logger: Logger, clock?: Clock) => Provider;
}): CloudProviderSetup<Fake, Provider> {
  const { apiKey, model, start, make } = options;
  let fake: Fake;
  let logLines: string[];

  beforeEach(async () => {
    fake = await start(apiKey);
    logLines = [];
  });
  afterEach(() => fake.close());

  return {
    get fake() {
      return fake;
    },
    get logLines() {
      return logLines;
    },
    provider: (over = {}, clock) => make(() => fakeConnection(fake.url, apiKey, over), capturingLogger(logLines), clock),
    ask: askFor(model),
  };
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
