import * as assert from 'node:assert/strict';
import { AgentResponder, type AgentAsk, type AgentPart } from '../../../src/core/routing/AgentResponder';
import type { ToolDefinition } from '../../../src/core/llm/tools/ToolTypes';
import type { ChatMessage } from '../../../src/core/llm/types';
import { expectJarvisError } from '../../fakes/providerAssertions';
import { useFakeServers } from '../helpers/fakeServers';
import { makeService, MEDIUM, OPENAI_KEY, RecordingLogger, testSettings, TRIVIAL } from './routingServiceSetup';

const TOOLS: ToolDefinition[] = [{ name: 'read_file', description: 'Reads a file' }];
const SYSTEM: ChatMessage = { role: 'system', content: 'You are a helpful assistant.' };

async function drain(parts: AsyncIterable<AgentPart>): Promise<AgentPart[]> {
  const out: AgentPart[] = [];
  for await (const p of parts) out.push(p);
  return out;
}
const text = (parts: AgentPart[]) => parts.map((p) => (p.type === 'text' ? p.text : '')).join('');

describe('Jarvis as a language model: streaming a tool-less request, holding an agent with tools', () => {
  const fakes = useFakeServers();
  const settings = () => testSettings({ ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' }, openai: { baseUrl: fakes.openai.url } });
  const agentFor = (o: { keys?: { openai?: string } } = {}) => {
    const logger = new RecordingLogger();
    const { service } = makeService({ settings: settings(), keys: o.keys ?? { openai: OPENAI_KEY }, logger });
    return new AgentResponder(service, logger);
  };
  const ask = (prompt: string, extra: Partial<AgentAsk> = {}): AgentAsk => ({
    messages: [SYSTEM, { role: 'user', content: prompt }],
    tools: [],
    toolMode: 'auto',
    signal: new AbortController().signal,
    ...extra,
  });

  for (const [label, extra] of [
    ['a tool-less request', {}],
    ['a tool-less request asked as the model picker asks (asChat, fold)', { asChat: true, answerMode: 'fold' }],
  ] as const) {
    it(`streams ${label}: the first part arrives while Ollama is still writing`, async () => {
      // The fake writes three words, then keeps the stream open: only a streamed part can arrive now.
      fakes.ollama.configure({
        behaviour: () => ({
          text: 'A closure keeps its scope alive.',
          ttftMs: 0,
          tokensPerSecond: 1_000,
          promptTokens: 5,
          completionTokens: 6,
          fault: { kind: 'stall', afterPieces: 3 },
        }),
      });
      const abort = new AbortController();
      const seen: AgentPart[] = [];
      await expectJarvisError(async () => {
        for await (const p of agentFor().respond(ask(TRIVIAL, { ...extra, signal: abort.signal }))) {
          seen.push(p);
          assert.equal(fakes.ollama.chatsFinished, 0, 'the part came before the stream ended');
          abort.abort();
        }
      }, 'cancelled');
      assert.match(text(seen), /^A/);
    });
  }

  it('asked as the model picker asks (asChat, fold): a tool-less request streams, and a repeat comes from the response cache', async () => {
    const agent = agentFor();
    const picker = (signal = new AbortController().signal) => ask(TRIVIAL, { asChat: true, answerMode: 'fold', signal });
    const chats = () => fakes.ollama.requests.filter((r) => r.path === '/api/chat').length;
    const first = text(await drain(agent.respond(picker())));
    assert.ok(first.length > 0);
    assert.equal(chats(), 1);
    const second = text(await drain(agent.respond(picker())));
    assert.equal(second, first, 'the same answer');
    assert.equal(chats(), 1, 'no second model call: answered from the cache');
    // With a tool offered the same words are an agent's step: never from the cache.
    await drain(agent.respond(ask(TRIVIAL, { asChat: true, answerMode: 'fold', tools: TOOLS })));
    assert.equal(chats(), 2);
  });

  for (const [label, extra] of [
    ['tools offered', { tools: TOOLS }],
    [
      'tool parts in the conversation',
      {
        messages: [
          SYSTEM,
          { role: 'user', content: TRIVIAL },
          { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'read_file', input: { path: 'a.ts' } }] },
          { role: 'user', content: '', toolResults: [{ callId: 'c1', content: 'export {}' }] },
        ] as ChatMessage[],
      },
    ],
  ] as const) {
    it(`holds a local answer for an agent (${label}) until Ollama has finished and the check passed`, async () => {
      const firstPartAfter: number[] = [];
      for await (const p of agentFor().respond(ask(TRIVIAL, extra))) {
        if (firstPartAfter.length === 0) firstPartAfter.push(fakes.ollama.chatsFinished);
        assert.ok(p);
      }
      assert.deepEqual(firstPartAfter, [1]);
    });
  }

  it('a tool-less weak local answer streams, then a note, then the cloud answer', async () => {
    fakes.ollama.configure({ reply: "I'm sorry, but I can't help with that." });
    const all = text(await drain(agentFor().respond(ask(MEDIUM))));
    assert.match(all, /^I'm sorry[\s\S]*\*Jarvis: local answer replaced: [^*]+; a cloud model answers below\.\*\n\nHello from fake OpenAI/);
  });
});
