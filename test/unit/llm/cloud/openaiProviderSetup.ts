/**
 * The OpenAI provider tests' setup, shared by the files that split them by concern: a fresh
 * FakeOpenAIServer per test that wants this key, and providers pointed at it that log into `logLines`.
 */
import { OpenAIProvider } from '../../../../src/core/llm/cloud/OpenAIProvider';
import { FakeOpenAIServer } from '../../../fakes/FakeOpenAIServer';
import { type CloudProviderSetup, useCloudProvider } from '../../helpers/cloudProviderSetup';

export const OPENAI_TEST_KEY = 'sk-test-SECRET-0123456789abcdef';

/** Registers the per-test server's hooks (call it inside `describe`). */
export function useOpenAIProvider(): CloudProviderSetup<FakeOpenAIServer, OpenAIProvider> {
  return useCloudProvider({
    apiKey: OPENAI_TEST_KEY,
    model: 'gpt-4o-mini',
    start: (apiKey) => FakeOpenAIServer.start({ apiKey }),
    make: (connection, logger, clock) => new OpenAIProvider(connection, logger, clock),
  });
}
