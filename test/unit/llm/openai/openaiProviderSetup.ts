/**
 * The OpenAI provider tests' setup, shared by the files that split them by concern: a fresh
 * FakeOpenAIServer per test that wants this key, and providers pointed at it that log into `logLines`
 * (so a test can check a key never reaches the log).
 */
import type { CloudConnection } from '../../../../src/core/llm/CloudConnection';
import { OpenAIProvider } from '../../../../src/core/llm/openai/OpenAIProvider';
import type { ProviderChatRequest } from '../../../../src/core/llm/types';
import type { FakeClock } from '../../../fakes/FakeClock';
import { FakeOpenAIServer } from '../../../fakes/FakeOpenAIServer';
import { capturingLogger } from '../../../fakes/capturingLogger';
import { askFor, fakeConnection } from '../../helpers/cloudProviderSetup';

export const OPENAI_TEST_KEY = 'sk-test-SECRET-0123456789abcdef';

export interface OpenAIProviderSetup {
  /** This test's server (a new one per test). */
  readonly fake: FakeOpenAIServer;
  /** Every line the providers logged in this test. */
  readonly logLines: string[];
  /** A provider for the fake with the test key; `over` replaces connection fields. */
  provider(over?: Partial<CloudConnection>, clock?: FakeClock): OpenAIProvider;
  /** A request to gpt-4o-mini: a short system message, then `prompt`. */
  ask(prompt: string, extra?: Partial<ProviderChatRequest>): ProviderChatRequest;
}

/** Registers the per-test server's hooks (call it inside `describe`). */
export function useOpenAIProvider(): OpenAIProviderSetup {
  let fake: FakeOpenAIServer;
  let logLines: string[];

  beforeEach(async () => {
    fake = await FakeOpenAIServer.start({ apiKey: OPENAI_TEST_KEY });
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
    provider: (over = {}, clock) => new OpenAIProvider(() => fakeConnection(fake.url, OPENAI_TEST_KEY, over), capturingLogger(logLines), clock),
    ask: askFor('gpt-4o-mini'),
  };
}
