import * as assert from 'node:assert/strict';
import { parseToolArguments } from '../../../../src/core/llm/tools/parseToolArguments';
import { ToolCallAssembler } from '../../../../src/core/llm/tools/ToolCallAssembler';
import type { ToolDefinition } from '../../../../src/core/llm/tools/ToolTypes';
import { validateTools } from '../../../../src/core/llm/tools/validateTools';
import { expectJarvisError } from '../../../fakes/providerAssertions';

describe('validateTools', () => {
  it('gives a tool without a schema the empty object schema', () => {
    assert.deepEqual(validateTools([{ name: 'now', description: 'Time' }], undefined, 'X'), [
      { name: 'now', description: 'Time', parameters: { type: 'object', properties: {} } },
    ]);
  });

  const BAD: [string, ToolDefinition[], 'auto' | 'required' | undefined, RegExp][] = [
    ['a name with a dot', [{ name: 'fs.read', description: '' }], 'auto', /"fs\.read".*letters, digits/],
    ['an empty name', [{ name: '', description: '' }], 'auto', /Tool 1 has the name ""/],
    [
      'two tools of one name',
      [
        { name: 'a', description: '' },
        { name: 'a', description: '' },
      ],
      'auto',
      /Two tools are named "a"/,
    ],
    ['a schema that is not an object', [{ name: 'a', description: '', inputSchema: { type: 'string' } }], 'auto', /tool "a" has type "string"/],
    ['a schema that is an array', [{ name: 'a', description: '', inputSchema: [] as unknown as object }], 'auto', /tool "a" is not a JSON object/],
    ['a required call with no tools', [], 'required', /requires a tool call .* offers no tools/],
  ];
  for (const [what, tools, mode, message] of BAD) {
    it(`refuses ${what} with a message naming it`, async () => {
      const e = await expectJarvisError(async () => validateTools(tools, mode, 'OpenAI'), 'invalid-input');
      assert.match(e.message, message);
    });
  }
});

describe('tool arguments', () => {
  const where = { provider: 'openai', model: 'gpt-4o', tool: 'read_file' };
  it('parses an object, and empty as no input', () => {
    assert.deepEqual(parseToolArguments('{"a":1}', where), { a: 1 });
    assert.deepEqual(parseToolArguments(' ', where), {});
  });
  for (const raw of ['{"path": ', '[1,2]', '"just text"', '42']) {
    it(`refuses ${raw} naming the tool and model, keeping the raw text`, async () => {
      const e = await expectJarvisError(async () => parseToolArguments(raw, where), 'invalid-response');
      assert.match(e.message, /gpt-4o called the tool "read_file" with arguments that are not valid JSON/);
      assert.equal((e.details.cause as Error).message, raw);
    });
  }

  it('assembles calls from pieces by index, in index order', () => {
    const a = new ToolCallAssembler({ provider: 'openai', model: 'm' });
    a.add(1, { id: 'c2', name: 'b', arguments: '' });
    a.add(0, { id: 'c1', name: 'a', arguments: '{"x"' });
    a.add(1, { arguments: '{}' });
    a.add(0, { arguments: ':1}' });
    assert.deepEqual(a.finish(), [
      { id: 'c1', name: 'a', input: { x: 1 } },
      { id: 'c2', name: 'b', input: {} },
    ]);
  });

  it('refuses a call that was never closed when closing is required (Anthropic)', async () => {
    const a = new ToolCallAssembler({ provider: 'anthropic', model: 'claude' });
    a.add(1, { id: 't', name: 'read_file', arguments: '{"a":1}' });
    const e = await expectJarvisError(async () => a.finish(true), 'invalid-response');
    assert.match(e.message, /call to "read_file" was cut off/);
  });
});
