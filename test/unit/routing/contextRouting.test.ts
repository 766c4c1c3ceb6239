import * as assert from 'node:assert/strict';
import { AgentResponder, type AgentAsk, type AgentPart } from '../../../src/core/routing/AgentResponder';
import type { ToolDefinition } from '../../../src/core/llm/tools/ToolTypes';
import { expectJarvisError } from '../../fakes/providerAssertions';
import { useFakeServers } from '../helpers/fakeServers';
import { collectChunks, makeService, modelOf, OPENAI_KEY, prepared, RecordingLogger, testSettings, TRIVIAL } from './routingServiceSetup';

/**
 * Jarvis Auto past a local model's context window, over the real fakes: Ollama's /api/show reports the
 * window, the request is measured, and the router goes where it fits. Counting is injected (a quarter
 * token per character): what is under test is the routing, not the tokenizer.
 */
const TOOLS: ToolDefinition[] = [{ name: 'read_file', description: 'Reads a file', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } }];
/** ~10,000 tokens at 4 characters a token: over an 8k window, well within 128k. */
const LOG = 'ERROR connection reset by peer\n'.repeat(1_300);
const countTokens = async (t: string) => Math.ceil(t.length / 4);

async function drain(parts: AsyncIterable<AgentPart>): Promise<AgentPart[]> {
  const out: AgentPart[] = [];
  for await (const p of parts) out.push(p);
  return out;
}
const text = (parts: AgentPart[]) => parts.map((p) => (p.type === 'text' ? p.text : '')).join('');

describe('Jarvis Auto past a local model’s context window (routing service over the fakes)', () => {
  const fakes = useFakeServers();
  const chats = () => fakes.ollama.requests.filter((r) => r.path === '/api/chat');
  const shows = () => fakes.ollama.requests.filter((r) => r.path === '/api/show').length;
  const cloudChats = () => fakes.openai.requests.filter((r) => r.path === '/v1/chat/completions').length;
  const settings = () => testSettings({ ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' }, openai: { baseUrl: fakes.openai.url } });
  const setup = (keys: { openai?: string } = { openai: OPENAI_KEY }) => {
    const logger = new RecordingLogger();
    const { service } = makeService({ settings: settings(), keys, logger, countTokens });
    return { service, logger, agent: new AgentResponder(service, logger) };
  };
  const ask = (prompt: string): AgentAsk => ({
    messages: [
      { role: 'system', content: 'You are an agent in VS Code.' },
      { role: 'user', content: prompt },
    ],
    tools: TOOLS,
    toolMode: 'auto',
    signal: new AbortController().signal,
  });

  it('a request over llama3’s 8k window goes to the cloud model that fits, and the reason says why', async () => {
    fakes.ollama.configure({ contextLength: { llama3: 8_192 } });
    const { agent, logger } = setup();
    const parts = await drain(agent.respond(ask(`${TRIVIAL} Here is the log:\n${LOG}`)));
    assert.match(text(parts), /^Hello from fake OpenAI/);
    assert.deepEqual([chats().length, cloudChats()], [0, 1]);
    assert.ok(
      logger.lines.some((l) =>
        /skipped ollama:llama3: the request is about 10,\d{3} tokens, more than llama3 takes \(5,222 of its 8,192-token context window\)/.test(l),
      ),
      logger.lines.join('\n'),
    );
  });

  it('…without a cloud key: a clear error naming the limit and the fix, and nothing sent', async () => {
    fakes.ollama.configure({ contextLength: { llama3: 8_192 } });
    const { agent } = setup({});
    const e = await expectJarvisError(drain(agent.respond(ask(`${TRIVIAL}\n${LOG}`))), 'no-model-available');
    assert.match(e.message, /This request is about 10,\d{3} tokens, more than llama3 \(5,222\) can take\./);
    assert.match(e.message, /no OpenAI API key/);
    assert.match(e.message, /Add an OpenAI or Anthropic API key/);
    assert.equal(chats().length, 0);
  });

  it('a local model whose window fits keeps it, loaded with a window large enough (num_ctx)', async () => {
    // A real answer (the fake's default echoes the repetitive log back, which the quality gate escalates).
    const reply = 'A closure is a function that keeps access to the variables of the scope it was created in, even after that scope has returned.';
    fakes.ollama.configure({ contextLength: { llama3: 131_072 }, reply });
    const { agent } = setup();
    const parts = await drain(agent.respond(ask(`${TRIVIAL}\n${LOG}`)));
    assert.equal(text(parts), reply);
    const options = (chats()[0].body as { options?: { num_ctx?: number } }).options;
    assert.equal(options?.num_ctx, 16_384); // ~10,300 tokens / 0.85 + 1,024
  });

  it('@jarvis chat messages are checked too: a long paste goes past the window', async () => {
    fakes.ollama.configure({ contextLength: { llama3: 8_192 } });
    const { service } = setup();
    const chunks = await collectChunks(service.respond(prepared(`${TRIVIAL}\n${LOG}`)));
    assert.equal(modelOf(chunks).provider, 'openai');
    assert.equal(chats().length, 0);
  });

  it('a short chat message asks Ollama nothing about windows (no /api/show, no count)', async () => {
    let counted = 0;
    const logger = new RecordingLogger();
    const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY }, logger, countTokens: async () => ++counted });
    const chunks = await collectChunks(service.respond(prepared(TRIVIAL)));
    assert.equal(modelOf(chunks).provider, 'ollama');
    assert.deepEqual([shows(), counted], [0, 0]);
  });
});
