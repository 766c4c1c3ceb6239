import { FakeOllamaServer } from '../../fakes/FakeOllamaServer';
import { FakeOpenAIServer } from '../../fakes/FakeOpenAIServer';
import { OPENAI_KEY } from '../routing/routingServiceSetup';

/** The servers of the current test. A test may replace one; the replacement is then closed after it. */
export interface FakeServers {
  ollama: FakeOllamaServer;
  openai: FakeOpenAIServer;
}

/**
 * Call inside a `describe`: starts a fake Ollama (with llama3) and a fake OpenAI server (accepting
 * `OPENAI_KEY`) before each test and closes them after it.
 */
export function useFakeServers(): FakeServers {
  const fakes = {} as FakeServers;
  beforeEach(async () => {
    fakes.ollama = await FakeOllamaServer.start({ models: ['llama3'] });
    fakes.openai = await FakeOpenAIServer.start({ apiKey: OPENAI_KEY });
  });
  afterEach(async () => {
    await fakes.ollama.close();
    await fakes.openai.close();
  });
  return fakes;
}
