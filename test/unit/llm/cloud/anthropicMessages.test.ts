import * as assert from 'node:assert/strict';
import { toAnthropicRequest } from '../../../../src/core/llm/tools/toAnthropicRequest';
import { expectJarvisError } from '../../../fakes/providerAssertions';

/** Text-only conversations go through the tool-aware conversion unchanged (no tools offered). */
const toAnthropicMessages = (messages: Parameters<typeof toAnthropicRequest>[0]) => toAnthropicRequest(messages, []);

describe('toAnthropicMessages', () => {
  it('moves every system message into system, joined in order', () => {
    const out = toAnthropicMessages([
      { role: 'system', content: 'A' },
      { role: 'user', content: 'q' },
      { role: 'system', content: 'B' },
    ]);
    assert.deepEqual(out, { system: 'A\n\nB', messages: [{ role: 'user', content: 'q' }] });
  });

  it('leaves system out when there is none', () => {
    assert.equal('system' in toAnthropicMessages([{ role: 'user', content: 'q' }]), false);
  });

  it('merges runs of the same role, including runs split by a system message', () => {
    const out = toAnthropicMessages([
      { role: 'user', content: 'a' },
      { role: 'system', content: 'S' },
      { role: 'user', content: 'b' },
      { role: 'assistant', content: 'c' },
      { role: 'assistant', content: 'd' },
    ]);
    assert.deepEqual(out.messages, [
      { role: 'user', content: 'a\n\nb' },
      { role: 'assistant', content: 'c\n\nd' },
    ]);
  });

  it('skips empty messages, which the API rejects, before merging', () => {
    const out = toAnthropicMessages([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: '  ' },
      { role: 'user', content: 'b' },
    ]);
    assert.deepEqual(out.messages, [{ role: 'user', content: 'a\n\nb' }]);
  });

  it('drops a leading assistant turn left by history trimming', () => {
    const out = toAnthropicMessages([
      { role: 'assistant', content: 'old answer' },
      { role: 'user', content: 'q' },
    ]);
    assert.deepEqual(out.messages, [{ role: 'user', content: 'q' }]);
  });

  it('does not mutate its input', () => {
    const input = [
      { role: 'user' as const, content: 'a' },
      { role: 'user' as const, content: 'b' },
    ];
    toAnthropicMessages(input);
    assert.deepEqual(input, [
      { role: 'user', content: 'a' },
      { role: 'user', content: 'b' },
    ]);
  });

  it('refuses a conversation with no user message', async () => {
    await expectJarvisError(async () => toAnthropicMessages([{ role: 'assistant', content: 'x' }]), 'invalid-input');
    await expectJarvisError(async () => toAnthropicMessages([{ role: 'user', content: '' }]), 'invalid-input');
  });
});
