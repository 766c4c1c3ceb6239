import * as assert from 'node:assert/strict';
import { AgentResponder, type AgentPart } from '../../../src/core/routing/AgentResponder';
import { MissingKeyWarnings } from '../../../src/core/routing/missingKey';
import type { ToolDefinition } from '../../../src/core/llm/tools/ToolTypes';
import { useFakeServers } from '../helpers/fakeServers';
import { CRITICAL, makeService, OPENAI_KEY, RecordingLogger, testSettings, TRIVIAL } from './routingServiceSetup';

const TOOLS: ToolDefinition[] = [{ name: 'read_file', description: 'Reads a file' }];

async function drain(parts: AsyncIterable<AgentPart>): Promise<AgentPart[]> {
  const out: AgentPart[] = [];
  for await (const p of parts) out.push(p);
  return out;
}
const text = (parts: AgentPart[]) => parts.map((p) => (p.type === 'text' ? p.text : '')).join('');

describe('a missing cloud key when Jarvis Auto picks the cloud', () => {
  const fakes = useFakeServers();
  const settings = () => testSettings({ ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' }, openai: { baseUrl: fakes.openai.url } });

  it('warns the user once per session, with an action that runs "Set OpenAI API Key"', async () => {
    const warned: { message: string; actions: readonly string[] }[] = [];
    const ran: string[] = [];
    let allRan!: () => void;
    const bothRan = new Promise<void>((resolve) => (allRan = resolve));
    const missingKeys = new MissingKeyWarnings({
      warn: (message, actions) => {
        warned.push({ message, actions });
        return Promise.resolve(actions[0]);
      },
      run: (c) => {
        if (ran.push(c) === 2) allRan();
      },
    });
    const logger = new RecordingLogger();
    const { service } = makeService({ settings: settings(), keys: {}, logger });
    const agent = new AgentResponder(service, logger, missingKeys);
    const first = text(
      await drain(agent.respond({ messages: [{ role: 'user', content: CRITICAL }], tools: [], toolMode: 'auto', signal: new AbortController().signal })),
    );
    assert.match(first, /^Hello from fake Ollama/);
    await drain(
      agent.respond({ messages: [{ role: 'user', content: `${CRITICAL} Again.` }], tools: TOOLS, toolMode: 'auto', signal: new AbortController().signal }),
    );
    // The routing table's cloud candidates are OpenAI's and Anthropic's: each is named once, over both requests.
    assert.deepEqual(
      warned.map((w) => [w.message.match(/no (\w+) API key is set: a local model answered instead/)?.[1], w.actions]),
      [
        ['OpenAI', ['Set OpenAI API Key']],
        ['Anthropic', ['Set Anthropic API Key']],
      ],
    );
    await bothRan;
    assert.deepEqual(ran, ['jarvis.setOpenAIKey', 'jarvis.setAnthropicKey']);
  });

  it('does not warn when the key is set or the request was meant to run locally', async () => {
    const warned: string[] = [];
    const missingKeys = new MissingKeyWarnings({ warn: (m) => (warned.push(m), Promise.resolve(undefined)), run: () => undefined });
    const logger = new RecordingLogger();
    const keyed = new AgentResponder(makeService({ settings: settings(), keys: { openai: OPENAI_KEY }, logger }).service, logger, missingKeys);
    await drain(keyed.respond({ messages: [{ role: 'user', content: CRITICAL }], tools: [], toolMode: 'auto', signal: new AbortController().signal }));
    const keyless = new AgentResponder(makeService({ settings: settings(), keys: {}, logger }).service, logger, missingKeys);
    await drain(keyless.respond({ messages: [{ role: 'user', content: TRIVIAL }], tools: [], toolMode: 'auto', signal: new AbortController().signal }));
    assert.deepEqual(warned, []);
  });
});
