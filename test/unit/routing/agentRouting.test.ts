import * as assert from 'node:assert/strict';
import { AgentResponder, type AgentAsk, type AgentPart } from '../../../src/core/routing/AgentResponder';
import type { ToolDefinition } from '../../../src/core/llm/tools/ToolTypes';
import type { ChatMessage } from '../../../src/core/llm/types';
import { FakeOllamaServer } from '../../fakes/FakeOllamaServer';
import { expectJarvisError } from '../../fakes/providerAssertions';
import { useFakeServers } from '../helpers/fakeServers';
import { CRITICAL, makeService, MEDIUM, OPENAI_KEY, RecordingLogger, testSettings, TRIVIAL } from './routingServiceSetup';

const TOOLS: ToolDefinition[] = [
  { name: 'read_file', description: 'Reads a file', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } },
  { name: 'list_dir', description: 'Lists a folder' },
];
const SYSTEM: ChatMessage = { role: 'system', content: 'You are an agent in VS Code.' };

async function drain(parts: AsyncIterable<AgentPart>): Promise<AgentPart[]> {
  const out: AgentPart[] = [];
  for await (const p of parts) out.push(p);
  return out;
}
const text = (parts: AgentPart[]) => parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
const calls = (parts: AgentPart[]) => parts.flatMap((p) => (p.type === 'toolCall' ? [p.call] : []));

describe('Jarvis as a language model for agents: routing over the real fakes', () => {
  const fakes = useFakeServers();
  const ollamaChats = () => fakes.ollama.requests.filter((r) => r.path === '/api/chat').length;
  const cloudChats = () => fakes.openai.requests.filter((r) => r.path === '/v1/chat/completions').length;
  const settings = (over: Parameters<typeof testSettings>[0] = {}) =>
    testSettings({ ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' }, openai: { baseUrl: fakes.openai.url }, ...over });
  const logger = new RecordingLogger();
  const agentFor = (o: { keys?: { openai?: string }; s?: ReturnType<typeof settings> } = {}) => {
    const { service } = makeService({ settings: o.s ?? settings(), keys: o.keys ?? { openai: OPENAI_KEY }, logger });
    return new AgentResponder(service, logger);
  };
  const ask = (prompt: string, extra: Partial<AgentAsk> = {}): AgentAsk => ({
    messages: [SYSTEM, { role: 'user', content: prompt }],
    tools: TOOLS,
    toolMode: 'auto',
    signal: new AbortController().signal,
    ...extra,
  });

  it('gives an agent exactly one answer: a weak local answer that is escalated is never emitted', async () => {
    fakes.ollama.configure({ reply: "I'm sorry, but I can't help with that." });
    const parts = await drain(agentFor().respond(ask(MEDIUM)));
    assert.equal(ollamaChats(), 1, 'the local model was asked first');
    assert.match(text(parts), /^Hello from fake OpenAI/);
    assert.doesNotMatch(text(parts), /sorry/);
  });

  it('does not score a tool-call answer as low quality for lacking prose: no escalation', async () => {
    const parts = await drain(agentFor().respond(ask(`${TRIVIAL} [[tool:read_file {"path": "a.ts"}]]`)));
    assert.deepEqual(
      calls(parts).map((c) => [c.name, c.input]),
      [['read_file', { path: 'a.ts' }]],
    );
    assert.equal(cloudChats(), 0);
  });

  it('keeps an agent conversation on one model while the medium share would alternate', async () => {
    const agent = agentFor({ s: settings({ routing: { ...testSettings().routing, localRatio: 0.5 } }) });
    const opening: ChatMessage[] = [SYSTEM, { role: 'user', content: `${MEDIUM} [[tool:read_file {"path": "a.ts"}]]` }];
    const step1 = await drain(agent.respond(ask('', { messages: opening })));
    const [call] = calls(step1);
    assert.ok(call, 'the first step calls a tool');
    let messages = opening;
    for (let i = 0; i < 3; i++) {
      messages = [
        ...messages,
        { role: 'assistant', content: '', toolCalls: [{ ...call, id: `${call.id}_${i}` }] },
        { role: 'user', content: '', toolResults: [{ callId: `${call.id}_${i}`, content: `step ${i}` }] },
      ];
      assert.match(text(await drain(agent.respond(ask('', { messages })))), /^The tool returned: step/);
    }
    assert.deepEqual([ollamaChats(), cloudChats()], [4, 0], 'all four steps on the local model');
    // Without a pin, the 50% target sends the next medium request to the cloud.
    await drain(agent.respond(ask(MEDIUM)));
    assert.equal(cloudChats(), 1);
  });

  it('escalates past a local pin when a step needs the cloud, then stays there', async () => {
    const agent = agentFor();
    const opening: ChatMessage[] = [SYSTEM, { role: 'user', content: `${TRIVIAL} [[tool:list_dir]]` }];
    const [call] = calls(await drain(agent.respond(ask('', { messages: opening }))));
    const step2: ChatMessage[] = [
      ...opening,
      { role: 'assistant', content: '', toolCalls: [call] },
      { role: 'user', content: CRITICAL, toolResults: [{ callId: call.id, content: 'src' }] },
    ];
    await drain(agent.respond(ask('', { messages: step2 })));
    assert.deepEqual([ollamaChats(), cloudChats()], [1, 1], logger.lines.join('\n'));
    const step3: ChatMessage[] = [...step2, { role: 'assistant', content: 'Done.' }, { role: 'user', content: 'What is a tuple?' }];
    await drain(agent.respond(ask('', { messages: step3 })));
    assert.deepEqual([ollamaChats(), cloudChats()], [1, 2], 'a trivial follow-up stays on the escalated model');
  });

  it('keeps the request local when a tool result holds a secret, although the tier says cloud', async () => {
    const secret = `GITHUB_TOKEN=ghp_${'a1B2c3D4e5'.repeat(4)}`;
    const messages: ChatMessage[] = [
      SYSTEM,
      { role: 'user', content: CRITICAL },
      { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'read_file', input: { path: '.env' } }] },
      { role: 'user', content: '', toolResults: [{ callId: 'call_1', content: secret }] },
    ];
    const parts = await drain(agentFor().respond(ask('', { messages })));
    assert.match(text(parts), /^The tool returned: GITHUB_TOKEN/);
    assert.deepEqual([ollamaChats(), cloudChats()], [1, 0]);
  });

  it("a short ask with the agent's standard 40 tools stays local; a long session with many tool rounds climbs", async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `tool_${i}`, description: `Tool ${i}` }));
    await drain(agentFor().respond(ask(TRIVIAL, { tools: many })));
    assert.ok(
      logger.lines.some((l) => /low tier/.test(l) && /ollama:llama3/.test(l) && !/tools offered/.test(l)),
      logger.lines.join('\n'),
    );
    const messages: ChatMessage[] = [SYSTEM, { role: 'user', content: TRIVIAL }];
    for (let i = 0; i < 14; i++) {
      messages.push({ role: 'assistant', content: '', toolCalls: [{ id: `c${i}`, name: `tool_${i}`, input: { i } }] });
      messages.push({ role: 'user', content: '', toolResults: [{ callId: `c${i}`, content: `result ${i}` }] });
    }
    logger.lines.length = 0;
    await drain(agentFor().respond(ask('', { tools: many, messages })));
    assert.ok(
      logger.lines.some((l) => /high tier/.test(l) && /40 tools offered over 14 tool rounds/.test(l)),
      logger.lines.join('\n'),
    );
  });

  it('skips an Ollama model without tool support for a tool request, routing to one that has it', async () => {
    fakes.ollama.configure({ withoutTools: ['llama3'] });
    const parts = await drain(agentFor().respond(ask(`${TRIVIAL} [[tool:list_dir]]`)));
    assert.equal(ollamaChats(), 0);
    assert.equal(cloudChats(), 1);
    assert.deepEqual(
      calls(parts).map((c) => c.name),
      ['list_dir'],
    );
  });

  it('…and with no other model, says which model cannot call tools and how to fix it', async () => {
    fakes.ollama.configure({ withoutTools: ['llama3'] });
    const e = await expectJarvisError(drain(agentFor({ keys: {} }).respond(ask(TRIVIAL))), 'no-model-available');
    assert.match(e.message, /llama3 cannot call tools.*ollama pull qwen2\.5/);
    assert.equal(ollamaChats(), 0);
  });

  it('answers locally when Auto picks the cloud but no key is set, and logs why', async () => {
    const parts = await drain(agentFor({ keys: {} }).respond(ask(CRITICAL)));
    assert.match(text(parts), /^Hello from fake Ollama/);
    assert.ok(
      logger.lines.some((l) => /no OpenAI API key/.test(l)),
      logger.lines.join('\n'),
    );
  });

  it('never answers an agent from the cache: the same request twice asks the model twice', async () => {
    const agent = agentFor();
    await drain(agent.respond(ask(TRIVIAL)));
    await drain(agent.respond(ask(TRIVIAL)));
    assert.equal(ollamaChats(), 2);
  });

  it('a model picked by name answers alone, with no quality escalation', async () => {
    fakes.openai.configure({});
    const parts = await drain(agentFor().respond(ask(TRIVIAL, { model: { provider: 'openai', model: 'gpt-4o' } })));
    assert.match(text(parts), /^Hello from fake OpenAI/);
    assert.deepEqual([ollamaChats(), cloudChats()], [0, 1]);
  });

  it('stops an agent that repeats the same call, with a message and no model call', async () => {
    const messages: ChatMessage[] = [SYSTEM, { role: 'user', content: 'find the bug' }];
    for (let i = 0; i < 5; i++) {
      messages.push({ role: 'assistant', content: '', toolCalls: [{ id: `c${i}`, name: 'read_file', input: { path: 'a.ts' } }] });
      messages.push({ role: 'user', content: '', toolResults: [{ callId: `c${i}`, content: 'same' }] });
    }
    const parts = await drain(agentFor().respond(ask('', { messages })));
    assert.match(text(parts), /stopped this agent: it called read_file with the same input 5 times in a row/);
    assert.equal(ollamaChats(), 0);
  });

  it('cancelling reports cancelled and hands the agent nothing', async () => {
    const abort = new AbortController();
    const agent = agentFor();
    const parts: AgentPart[] = [];
    setImmediate(() => abort.abort());
    await expectJarvisError(async () => {
      for await (const p of agent.respond(ask(`${TRIVIAL} [[slowtool]]`, { signal: abort.signal }))) parts.push(p);
    }, 'cancelled');
    assert.equal(parts.length, 0);
  });
});

describe('AgentResponder without a model', () => {
  it('refuses a request without messages', async () => {
    const fake = await FakeOllamaServer.start();
    try {
      const { service } = makeService({ settings: testSettings({ ollama: { enabled: true, host: fake.url, model: 'llama3' } }) });
      await expectJarvisError(
        drain(new AgentResponder(service, new RecordingLogger()).respond({ messages: [], tools: [], toolMode: 'auto', signal: new AbortController().signal })),
        'invalid-input',
      );
    } finally {
      await fake.close();
    }
  });
});
