import * as assert from 'node:assert/strict';
import { cleanModelId, isChatModelId } from '../../../../src/core/llm/modelLists/chatModelRule';
import { isListed } from '../../../../src/core/llm/modelLists/configuredCloudModels';

describe('which listed models are offered for chat', () => {
  it('OpenAI: hides embeddings, speech, images, moderation, realtime, video and legacy completions', () => {
    const hidden = [
      'text-embedding-3-small',
      'text-embedding-ada-002',
      'tts-1-hd',
      'gpt-4o-mini-tts',
      'whisper-1',
      'gpt-4o-transcribe',
      'gpt-4o-audio-preview',
      'gpt-realtime',
      'gpt-4o-realtime-preview-2024-12-17',
      'dall-e-3',
      'gpt-image-1',
      'omni-moderation-latest',
      'sora-2',
      'babbage-002',
      'davinci-002',
      'gpt-3.5-turbo-instruct',
      'computer-use-preview',
    ];
    for (const id of hidden) assert.equal(isChatModelId('openai', id), false, id);
  });

  it('OpenAI: keeps chat and reasoning models, fine-tunes, and any name a compatible server uses', () => {
    const shown = ['gpt-4o', 'gpt-4o-mini-2024-07-18', 'gpt-5', 'o3-mini', 'o4-mini', 'chatgpt-4o-latest', 'gpt-4o-search-preview', 'ft:gpt-4o-mini:acme::x1'];
    const compatible = ['llama-3.1-8b-instruct', 'Qwen/Qwen2.5-7B-Instruct', 'mistral-small', 'Meta-Llama-3-8B-Instruct'];
    for (const id of [...shown, ...compatible]) assert.equal(isChatModelId('openai', id), true, id);
  });

  it('Anthropic: every listed model is a Messages model', () => {
    assert.equal(isChatModelId('anthropic', 'claude-sonnet-4-5-20250929'), true);
  });

  it('cleanModelId keeps printable names and refuses the rest', () => {
    assert.equal(cleanModelId('ft:gpt-4o:org::id'), 'ft:gpt-4o:org::id');
    for (const bad of [undefined, 42, null, '', ' gpt', 'a\tb', 'a\u0000b', 'a\u202eb', 'x'.repeat(201)])
      assert.equal(cleanModelId(bad), undefined, JSON.stringify(bad));
  });
});

describe('isListed', () => {
  const anthropic = {
    provider: 'anthropic' as const,
    models: ['claude-sonnet-4-20250514', 'claude-3-5-haiku-20241022', 'claude-sonnet-4-5-20250929'].map((id) => ({ id, chat: true })),
  };
  const openai = { provider: 'openai' as const, models: ['gpt-4o', 'gpt-4o-2024-08-06'].map((id) => ({ id, chat: true })) };

  it('Anthropic aliases stand for a dated id of their family', () => {
    for (const alias of ['claude-sonnet-4-0', 'claude-3-5-haiku-latest', 'claude-sonnet-4-5', 'claude-sonnet-4-20250514', 'CLAUDE-SONNET-4-0'])
      assert.equal(isListed(anthropic, alias), true, alias);
    for (const missing of ['claude-opus-4-0', 'claude-sonnet-4-1', 'claude-sonnet', 'claude-3-5-sonnet-latest'])
      assert.equal(isListed(anthropic, missing), false, missing);
  });

  it('OpenAI matches exactly (ignoring case): no family guessing', () => {
    assert.equal(isListed(openai, 'gpt-4o'), true);
    assert.equal(isListed(openai, 'GPT-4o'), true);
    assert.equal(isListed(openai, 'gpt-4o-mini'), false);
  });
});
