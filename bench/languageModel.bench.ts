/**
 * Jarvis as a language model (what VS Code's model picker and other extensions call):
 * 1. time to the first streamed part through the provider end to end (JarvisChatModelProvider with
 *    VS Code's message and tool conversion, over stand-in `vscode` part classes; AgentResponder +
 *    RoutingService: loop check, agent complexity, privacy over tool results, sticky pin, router,
 *    resilience) to the fake Ollama, against the same request straight to the `ollama` client; for
 *    an answer that is a tool call, a text answer to an agent that offered tools (held until it
 *    passed the quality check, so its first part comes at the end of the answer) and a text answer
 *    to a tool-less request (streamed);
 * 2. the cost of converting a request with 40 tools (VS Code's agent sends about that many) from
 *    VS Code's parts (fromLmTools + fromLmMessages) into each provider's format.
 * Prints medians and p95; never passes or fails on time.
 *
 *   npx tsc -p tsconfig.test.json && node out/bench/languageModel.bench.js
 */
import { Ollama } from 'ollama';
import { toAnthropicRequest } from '../src/core/llm/tools/toAnthropicRequest';
import { toOllamaRequest } from '../src/core/llm/tools/toOllamaRequest';
import { toOpenAIRequest } from '../src/core/llm/tools/toOpenAIRequest';
import type { ToolDefinition } from '../src/core/llm/tools/ToolTypes';
import { validateTools } from '../src/core/llm/tools/validateTools';
import type { ChatMessage } from '../src/core/llm/types';
import { nullLogger } from '../src/core/ports';
import { AgentResponder } from '../src/core/routing/AgentResponder';
import type * as vscode from 'vscode';
import type { TokenCounter } from '../src/core/llm/tokens/TokenCounter';
import { fromLmMessages, fromLmTools } from '../src/vscode/lm/fromLmMessages';
import { JarvisChatModelProvider } from '../src/vscode/lm/JarvisChatModelProvider';
import { fmtMs, summarize } from '../test/harness/benchStats';
import { lmMessage, lmStandIn } from '../test/harness/lmStandIn';
import { startRoutingOverFakeOllama } from './routingOverFakeOllama';

const RUNS = 150;
const WARMUP = 15;
const CONVERSIONS = 2000;

/** Forty tools shaped like VS Code's built-in agent tools: a description and a few typed properties. */
function fortyTools(): ToolDefinition[] {
  return Array.from({ length: 40 }, (_, i) => ({
    name: `tool_${i}`,
    description: `Tool number ${i}: reads or changes something in the workspace. Use it when the task needs it. `.repeat(3),
    inputSchema: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'A workspace-relative path.' },
        query: { type: 'string', description: 'What to look for.' },
        limit: { type: 'number', description: 'Most results.' },
        flags: { type: 'array', items: { type: 'string' } },
      },
      required: ['path'],
    },
  }));
}

/** A 20-message agent conversation: ten rounds of call and result. */
function conversation(): ChatMessage[] {
  const out: ChatMessage[] = [
    { role: 'system', content: 'You are an agent in VS Code. '.repeat(40) },
    { role: 'user', content: 'Find and fix the failing test.' },
  ];
  for (let i = 0; i < 9; i++) {
    out.push({ role: 'assistant', content: '', toolCalls: [{ id: `call_${i}`, name: `tool_${i}`, input: { path: `src/file${i}.ts`, limit: 10 } }] });
    out.push({ role: 'user', content: '', toolResults: [{ callId: `call_${i}`, content: 'export function f() { return 1; }\n'.repeat(30) }] });
  }
  return out;
}

async function main(): Promise<void> {
  const { fake, service, close } = await startRoutingOverFakeOllama('A closure is a function together with the variables it captured.');
  const agent = new AgentResponder(service, nullLogger);
  const tools: ToolDefinition[] = [
    { name: 'read_file', description: 'Reads a file', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } },
  ];
  const prompt = (i: number, call: boolean) => `What is a closure? (${i})${call ? ' [[tool:read_file {"path": "a.ts"}]]' : ''}`;

  const provider = new JarvisChatModelProvider({ agent, catalog: async () => [], tokens: {} as TokenCounter, logger: nullLogger, vscode: lmStandIn });
  const V = lmStandIn as unknown as typeof vscode;
  const auto = { id: 'jarvis-auto' } as vscode.LanguageModelChatInformation;
  const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) } as unknown as vscode.CancellationToken;
  const viaProvider = async (i: number, call: boolean, withTools = true): Promise<number> => {
    const started = performance.now();
    let first = NaN;
    await provider.provideLanguageModelChatResponse(
      auto,
      [lmMessage(1, [new V.LanguageModelTextPart(prompt(i, call))]) as unknown as vscode.LanguageModelChatRequestMessage],
      { tools: withTools ? tools : [], toolMode: V.LanguageModelChatToolMode.Auto } as unknown as vscode.ProvideLanguageModelChatResponseOptions,
      {
        report: () => {
          if (Number.isNaN(first)) first = performance.now() - started;
        },
      },
      token,
    );
    return first;
  };
  const bare = async (i: number, call: boolean): Promise<number> => {
    const started = performance.now();
    let first = NaN;
    const stream = await new Ollama({ host: fake.url }).chat({
      model: 'llama3',
      messages: [{ role: 'user', content: prompt(i, call) }],
      tools: [
        {
          type: 'function',
          function: { name: 'read_file', description: 'Reads a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } },
        },
      ],
      stream: true,
    });
    for await (const part of stream) {
      if ((part.message?.content || part.message?.tool_calls?.length) && Number.isNaN(first)) first = performance.now() - started;
    }
    return first;
  };

  console.log(`## Jarvis as a language model: time to the first streamed part (${RUNS} runs each, fake Ollama on 127.0.0.1)\n`);
  console.log('| answer | straight to the ollama client (median / p95) | provider path (median / p95) | difference (median / p95) |');
  console.log('|---|---|---|---|');
  const cases: [label: string, call: boolean, withTools: boolean][] = [
    ['tool call', true, true],
    ['text, tools offered (held until it passed the quality check)', false, true],
    ['text, no tools (streamed)', false, false],
  ];
  for (const [label, call, withTools] of cases) {
    for (let i = 0; i < WARMUP; i++) {
      await viaProvider(-i - 1, call, withTools);
      await bare(-i - 1, call);
    }
    const p: number[] = [];
    const b: number[] = [];
    // Interleaved so both see the same machine load.
    for (let i = 0; i < RUNS; i++) {
      p.push(await viaProvider(i, call, withTools));
      b.push(await bare(i, call));
    }
    const sp = summarize(p);
    const sb = summarize(b);
    console.log(
      `| ${label} | ${fmtMs(sb.median)} / ${fmtMs(sb.p95)} | ${fmtMs(sp.median)} / ${fmtMs(sp.p95)} | ${fmtMs(sp.median - sb.median)} / ${fmtMs(sp.p95 - sb.p95)} |`,
    );
  }
  provider.dispose();
  agent.dispose();
  await close();

  const forty = fortyTools();
  const messages = conversation();
  const time = (f: () => unknown): number[] => {
    for (let i = 0; i < 100; i++) f();
    return Array.from({ length: CONVERSIONS }, () => {
      const t = performance.now();
      f();
      return performance.now() - t;
    });
  };
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  console.log(`\n## Converting a request with 40 tools and a 20-message agent conversation (${CONVERSIONS} runs each)\n`);
  console.log('| step | median | p95 |');
  console.log('|---|---|---|');
  // The same request as VS Code hands it to the provider: tools and message parts to convert first.
  const lmTools = forty.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })) as vscode.LanguageModelChatTool[];
  const lmMessages = messages.map((m) =>
    lmMessage(m.role === 'system' ? 3 : m.role === 'assistant' ? 2 : 1, [
      ...(m.content ? [new V.LanguageModelTextPart(m.content)] : []),
      ...(m.toolCalls ?? []).map((c) => new V.LanguageModelToolCallPart(c.id, c.name, c.input)),
      ...(m.toolResults ?? []).map((r) => new V.LanguageModelToolResultPart(r.callId, [new V.LanguageModelTextPart(r.content)])),
    ]),
  ) as unknown as vscode.LanguageModelChatRequestMessage[];
  const fromVscode = () => ({ tools: fromLmTools(lmTools), messages: fromLmMessages(lmStandIn, lmMessages) });
  const rows: [string, () => unknown][] = [
    ["VS Code's parts → Jarvis (fromLmTools + fromLmMessages)", fromVscode],
    ['check the 40 tools (validateTools)', () => validateTools(forty, 'auto', 'OpenAI')],
    [
      '→ Ollama request (VS Code conversion + check + convert)',
      () => {
        const r = fromVscode();
        return toOllamaRequest(r.messages, validateTools(r.tools, 'auto', 'Ollama'));
      },
    ],
    [
      '→ OpenAI request (VS Code conversion + check + convert)',
      () => {
        const r = fromVscode();
        return toOpenAIRequest(r.messages, validateTools(r.tools, 'auto', 'OpenAI'));
      },
    ],
    [
      '→ Anthropic request (VS Code conversion + check + convert)',
      () => {
        const r = fromVscode();
        return toAnthropicRequest(r.messages, validateTools(r.tools, 'auto', 'Anthropic'));
      },
    ],
  ];
  for (const [label, f] of rows) {
    const s = summarize(time(f));
    console.log(`| ${label} | ${us(s.median)} | ${us(s.p95)} |`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
