import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { ChatMessage } from '../../../../src/core/llm/types';
import { fromLmMessages, fromLmToolMode, fromLmTools } from '../../../../src/vscode/lm/fromLmMessages';
import { lmMessage, lmStandIn as api } from '../../../harness/lmStandIn';

const V = api as unknown as typeof vscode;
const text = (s: string) => new V.LanguageModelTextPart(s);
const convert = (role: 1 | 2 | 3, parts: unknown[]) => fromLmMessages(api, [lmMessage(role, parts) as unknown as vscode.LanguageModelChatRequestMessage]);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('fromLmMessages: VS Code request messages → ChatMessages', () => {
  const ROWS: [string, 1 | 2 | 3, unknown[], ChatMessage][] = [
    ['System role (3, before the stable enum names it)', 3, [text('You are an agent.')], { role: 'system', content: 'You are an agent.' }],
    ['user text parts, joined', 1, [text('Hello, '), text('world')], { role: 'user', content: 'Hello, world' }],
    ['assistant text', 2, [text('Sure.')], { role: 'assistant', content: 'Sure.' }],
    [
      'assistant tool-call parts, with their ids and inputs',
      2,
      [
        text('Reading.'),
        new V.LanguageModelToolCallPart('call_1', 'read_file', { path: 'a.ts' }),
        new V.LanguageModelToolCallPart('call_2', 'list_dir', [] as unknown as object),
      ],
      {
        role: 'assistant',
        content: 'Reading.',
        toolCalls: [
          { id: 'call_1', name: 'read_file', input: { path: 'a.ts' } },
          { id: 'call_2', name: 'list_dir', input: {} },
        ],
      },
    ],
    [
      'tool results: text parts joined, prompt-tsx as JSON, text/JSON data decoded, binary data named',
      1,
      [
        new V.LanguageModelToolResultPart('call_1', [text('line 1\n'), { mimeType: 'application/json', data: bytes('{"ok":true}') }]),
        new V.LanguageModelToolResultPart('call_2', [new V.LanguageModelPromptTsxPart({ node: 1 }), { mimeType: 'text/plain', data: bytes(' plain') }]),
        new V.LanguageModelToolResultPart('call_3', [{ mimeType: 'image/png', data: bytes('PNG') }]),
      ],
      {
        role: 'user',
        content: '',
        toolResults: [
          { callId: 'call_1', content: 'line 1\n{"ok":true}' },
          { callId: 'call_2', content: '{"node":1} plain' },
          { callId: 'call_3', content: '[image/png content not passed on by Jarvis]' },
        ],
      },
    ],
    [
      'a prompt-tsx or unknown part in the message: its text value kept, an image named, anything else ignored',
      1,
      [new V.LanguageModelPromptTsxPart('tsx text'), { mimeType: 'image/jpeg', data: bytes('x') }, { kind: 'mystery' }, null],
      { role: 'user', content: 'tsx text[image/jpeg content not passed on by Jarvis]' },
    ],
    [
      'tool calls on a user message are not kept (only assistants call tools)',
      1,
      [new V.LanguageModelToolCallPart('c', 'x', {})],
      { role: 'user', content: '' },
    ],
  ];
  for (const [what, role, parts, expected] of ROWS) {
    it(what, () => assert.deepEqual(convert(role, parts), [expected]));
  }

  it('tools keep name, description and schema; the Required mode maps to required, anything else to auto', () => {
    const schema = { type: 'object', properties: { path: { type: 'string' } } };
    assert.deepEqual(
      fromLmTools([
        { name: 'read_file', description: 'Reads', inputSchema: schema },
        { name: 'list_dir', description: 'Lists', inputSchema: undefined },
      ]),
      [
        { name: 'read_file', description: 'Reads', inputSchema: schema },
        { name: 'list_dir', description: 'Lists' },
      ],
    );
    assert.deepEqual(fromLmTools(undefined), []);
    assert.deepEqual(
      [V.LanguageModelChatToolMode.Required, V.LanguageModelChatToolMode.Auto, undefined].map((m) => fromLmToolMode(api, m)),
      ['required', 'auto', 'auto'],
    );
  });
});
