import * as assert from 'node:assert/strict';
import { MISSING_RESULT } from '../../../../src/core/llm/tools/prepareToolMessages';
import { toAnthropicRequest } from '../../../../src/core/llm/tools/toAnthropicRequest';
import { OLLAMA_REQUIRED_TOOL_PROMPT, toOllamaRequest } from '../../../../src/core/llm/tools/toOllamaRequest';
import { toOpenAIRequest } from '../../../../src/core/llm/tools/toOpenAIRequest';
import { validateTools } from '../../../../src/core/llm/tools/validateTools';
import type { ChatMessage } from '../../../../src/core/llm/types';

const tools = validateTools(
  [{ name: 'read_file', description: 'Reads a file', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } }],
  'auto',
  'test',
);
const call = { id: 'call_1', name: 'read_file', input: { path: 'a.ts' } };
const q: ChatMessage = { role: 'user', content: 'open a.ts' };
const asked: ChatMessage = { role: 'assistant', content: '', toolCalls: [call] };
const answered: ChatMessage = { role: 'user', content: '', toolResults: [{ callId: 'call_1', content: 'export {}' }] };

interface Case {
  name: string;
  messages: ChatMessage[];
  required?: boolean;
  ollama: unknown;
  openai: unknown;
  anthropic: unknown;
}

/** One row per conversation shape: what each provider's request must carry. */
const CASES: Case[] = [
  {
    name: 'text only: unchanged',
    messages: [{ role: 'system', content: 'Be brief.' }, q],
    ollama: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'open a.ts' },
    ],
    openai: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'open a.ts' },
    ],
    anthropic: { system: 'Be brief.', messages: [{ role: 'user', content: 'open a.ts' }] },
  },
  {
    name: 'a tool call and its result',
    messages: [q, asked, answered],
    ollama: [
      { role: 'user', content: 'open a.ts' },
      { role: 'assistant', content: '', tool_calls: [{ function: { name: 'read_file', arguments: { path: 'a.ts' } } }] },
      { role: 'tool', content: 'export {}', tool_name: 'read_file' },
    ],
    openai: [
      { role: 'user', content: 'open a.ts' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"a.ts"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'export {}' },
    ],
    anthropic: {
      messages: [
        { role: 'user', content: 'open a.ts' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'read_file', input: { path: 'a.ts' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_1', content: 'export {}' }] },
      ],
    },
  },
  {
    name: 'text beside the call and the result; a failed tool',
    messages: [
      q,
      { ...asked, content: 'Let me look.' },
      { role: 'user', content: 'and?', toolResults: [{ callId: 'call_1', content: 'ENOENT', isError: true }] },
    ],
    ollama: [
      { role: 'user', content: 'open a.ts' },
      { role: 'assistant', content: 'Let me look.', tool_calls: [{ function: { name: 'read_file', arguments: { path: 'a.ts' } } }] },
      { role: 'tool', content: 'Error: ENOENT', tool_name: 'read_file' },
      { role: 'user', content: 'and?' },
    ],
    openai: [
      { role: 'user', content: 'open a.ts' },
      {
        role: 'assistant',
        content: 'Let me look.',
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"a.ts"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'Error: ENOENT' },
      { role: 'user', content: 'and?' },
    ],
    anthropic: {
      messages: [
        { role: 'user', content: 'open a.ts' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Let me look.' },
            { type: 'tool_use', id: 'call_1', name: 'read_file', input: { path: 'a.ts' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'call_1', content: 'ENOENT', is_error: true },
            { type: 'text', text: 'and?' },
          ],
        },
      ],
    },
  },
  {
    name: 'a call left without a result (agent cancelled) gets one',
    messages: [q, asked, { role: 'user', content: 'never mind' }],
    ollama: [
      { role: 'user', content: 'open a.ts' },
      { role: 'assistant', content: '', tool_calls: [{ function: { name: 'read_file', arguments: { path: 'a.ts' } } }] },
      { role: 'tool', content: `Error: ${MISSING_RESULT}`, tool_name: 'read_file' },
      { role: 'user', content: 'never mind' },
    ],
    openai: [
      { role: 'user', content: 'open a.ts' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"a.ts"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: `Error: ${MISSING_RESULT}` },
      { role: 'user', content: 'never mind' },
    ],
    anthropic: {
      messages: [
        { role: 'user', content: 'open a.ts' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'read_file', input: { path: 'a.ts' } }] },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'call_1', content: MISSING_RESULT, is_error: true },
            { type: 'text', text: 'never mind' },
          ],
        },
      ],
    },
  },
  {
    name: 'a result whose call is not in the turn before becomes text',
    messages: [{ role: 'user', content: 'go', toolResults: [{ callId: 'call_9', content: 'old' }] }],
    ollama: [{ role: 'user', content: 'Result of an earlier tool call (call_9):\nold\n\ngo' }],
    openai: [{ role: 'user', content: 'Result of an earlier tool call (call_9):\nold\n\ngo' }],
    anthropic: { messages: [{ role: 'user', content: 'Result of an earlier tool call (call_9):\nold\n\ngo' }] },
  },
  {
    name: 'required: Ollama is told in words (it has no tool_choice)',
    messages: [q],
    required: true,
    ollama: [
      { role: 'system', content: OLLAMA_REQUIRED_TOOL_PROMPT },
      { role: 'user', content: 'open a.ts' },
    ],
    openai: [{ role: 'user', content: 'open a.ts' }],
    anthropic: { messages: [{ role: 'user', content: 'open a.ts' }] },
  },
];

describe('tool conversions per provider', () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(toOllamaRequest(c.messages, tools, c.required).messages, c.ollama, 'Ollama');
      assert.deepEqual(toOpenAIRequest(c.messages, tools, c.required).messages, c.openai, 'OpenAI');
      const { messages, system } = toAnthropicRequest(c.messages, tools, c.required);
      assert.deepEqual({ ...(system !== undefined ? { system } : {}), messages }, c.anthropic, 'Anthropic');
    });
  }

  it("tools and tool choice, in each provider's format", () => {
    const parameters = { type: 'object', properties: { path: { type: 'string' } } };
    const fn = { name: 'read_file', description: 'Reads a file', parameters };
    assert.deepEqual(toOllamaRequest([q], tools).tools, [{ type: 'function', function: fn }]);
    const openai = toOpenAIRequest([q], tools, true);
    assert.deepEqual([openai.tools, openai.tool_choice], [[{ type: 'function', function: fn }], 'required']);
    assert.equal(toOpenAIRequest([q], tools).tool_choice, 'auto');
    const anthropic = toAnthropicRequest([q], tools, true);
    assert.deepEqual(
      [anthropic.tools, anthropic.tool_choice],
      [[{ name: 'read_file', description: 'Reads a file', input_schema: parameters }], { type: 'any' }],
    );
    assert.deepEqual(toAnthropicRequest([q], tools).tool_choice, { type: 'auto' });
    for (const r of [toOllamaRequest([q], []), toOpenAIRequest([q], []), toAnthropicRequest([q], [])]) assert.equal('tools' in r, false);
  });

  it('ids another provider made that Anthropic refuses are mapped alike on call and result', () => {
    const odd = { ...call, id: 'fc.1/x' };
    const { messages } = toAnthropicRequest(
      [q, { ...asked, toolCalls: [odd] }, { role: 'user', content: '', toolResults: [{ callId: 'fc.1/x', content: 'ok' }] }],
      tools,
    );
    const use = (messages[1].content as { id?: string }[])[0].id;
    const result = (messages[2].content as { tool_use_id?: string }[])[0].tool_use_id;
    assert.deepEqual([use, result], ['fc_1_x', 'fc_1_x']);
  });

  it('a tool result of several MB is cut to fit, head and tail kept, with a note saying how much', () => {
    const big = `HEAD${'x'.repeat(5_000_000)}TAIL`;
    const [, , result] = toOpenAIRequest([q, asked, { role: 'user', content: '', toolResults: [{ callId: 'call_1', content: big }] }], tools).messages;
    const text = (result as { content: string }).content;
    assert.ok(text.length <= 200_000, `sent ${text.length} characters`);
    assert.ok(text.startsWith('HEAD') && text.endsWith('TAIL'));
    assert.match(text, /4,800,\d{3} of 5,000,008 characters of this tool result were left out/);
  });
});
