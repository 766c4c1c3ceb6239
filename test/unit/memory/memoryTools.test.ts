import * as assert from 'node:assert/strict';
import type { ChatChunk } from '../../../src/core/chat/ChatChunk';
import type { SlashCommand } from '../../../src/core/chat/ChatPipeline';
import { MAX_MEMORY_TOOL_INPUT, runMemoryTool } from '../../../src/core/memory/memoryTools';
import { expectJarvisError } from '../../fakes/providerAssertions';

/** Commands that answer as the real ones do (markdown, references, errors), recording their arguments. */
function commands(seen: string[]): SlashCommand[] {
  const make = (name: string, chunks: ChatChunk[]): SlashCommand => ({
    name,
    description: name,
    async *run(args) {
      seen.push(`${name}:${args}`);
      yield* chunks;
    },
  });
  return [
    make('recall', [
      { type: 'markdown', text: 'Found 1 memory:' },
      { type: 'reference', title: 'Use tabs', detail: 'preference' },
    ]),
    make('remember', [{ type: 'markdown', text: 'Remembered.' }]),
    make('decisions', [{ type: 'error', code: 'untrusted-workspace', message: 'Trust this workspace first.', actions: [] }]),
  ];
}

describe('memory tools', () => {
  it('runs /recall with the query and returns its answer as text', async () => {
    const seen: string[] = [];
    const text = await runMemoryTool(commands(seen), 'jarvis_recall', { query: ' tabs ' }, new AbortController().signal);
    assert.equal(text, 'Found 1 memory:\n- Use tabs (preference)');
    assert.deepEqual(seen, ['recall:tabs']);
  });

  it('runs /remember with the text', async () => {
    const seen: string[] = [];
    assert.equal(await runMemoryTool(commands(seen), 'jarvis_remember', { text: 'We use pnpm' }, new AbortController().signal), 'Remembered.');
    assert.deepEqual(seen, ['remember:We use pnpm']);
  });

  it("reports the command's own error (with its code), storing nothing", async () => {
    const e = await expectJarvisError(runMemoryTool(commands([]), 'jarvis_decisions', { topic: 'db' }, new AbortController().signal), 'untrusted-workspace');
    assert.match(e.message, /Trust this workspace/);
  });

  const BAD: [string, unknown, RegExp][] = [
    ['no input', undefined, /needs a non-empty "query"/],
    ['the wrong field', { text: 'x' }, /needs a non-empty "query"/],
    ['an empty query', { query: '  ' }, /needs a non-empty "query"/],
    ['a huge query', { query: 'x'.repeat(MAX_MEMORY_TOOL_INPUT + 1) }, /at most 4000/],
  ];
  for (const [what, input, message] of BAD) {
    it(`refuses ${what} without running the command`, async () => {
      const seen: string[] = [];
      const e = await expectJarvisError(runMemoryTool(commands(seen), 'jarvis_recall', input, new AbortController().signal), 'invalid-input');
      assert.match(e.message, message);
      assert.deepEqual(seen, []);
    });
  }
});
