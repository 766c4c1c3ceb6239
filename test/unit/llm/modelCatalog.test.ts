import * as assert from 'node:assert/strict';
import { cloudLimits } from '../../../src/core/llm/contextLimits';
import { AUTO_MODEL_ID, buildCatalog } from '../../../src/core/llm/modelCatalog';
import { encodingFor, TokenCounter } from '../../../src/core/llm/tokens/TokenCounter';

describe('the model catalog offered to VS Code', () => {
  const catalog = buildCatalog({
    ollama: [
      { name: 'qwen2.5:7b', family: 'qwen2', parameterSize: '7.6B', quantization: 'Q4_K_M', capabilities: ['completion', 'tools'], contextLength: 32768 },
      { name: 'llama2:latest', family: 'llama', capabilities: ['completion'], contextLength: 4096 },
      { name: 'nomic-embed-text:latest', capabilities: ['embedding'] },
    ],
    cloud: [
      { provider: 'openai', model: 'gpt-4o' },
      { provider: 'anthropic', model: 'claude-sonnet-4-0' },
      { provider: 'openai', model: 'gpt-4o' },
    ],
  });
  const byId = new Map(catalog.map((e) => [e.id, e]));

  it('puts Jarvis Auto first, tool-capable, as large as the largest model it routes to', () => {
    const auto = catalog[0];
    assert.deepEqual([auto.id, auto.name, auto.toolCalling, auto.target], [AUTO_MODEL_ID, 'Jarvis Auto', true, undefined]);
    assert.equal(auto.maxInputTokens, 200_000);
  });

  it('offers each Ollama chat model with its own context window and tool capability; no embedding models', () => {
    const qwen = byId.get('ollama/qwen2.5:7b')!;
    assert.deepEqual(
      [qwen.maxInputTokens, qwen.maxOutputTokens, qwen.toolCalling, qwen.target],
      [32768, 4096, true, { provider: 'ollama', model: 'qwen2.5:7b' }],
      'the /api/show context length is the input limit; the answer allowance is reported apart',
    );
    assert.deepEqual([byId.get('ollama/llama2:latest')!.maxInputTokens, byId.get('ollama/llama2:latest')!.maxOutputTokens], [4096, 1024]);
    const llama2 = byId.get('ollama/llama2:latest')!;
    assert.equal(llama2.toolCalling, false);
    assert.match(llama2.tooltip, /cannot call tools/);
    assert.equal(byId.has('ollama/nomic-embed-text:latest'), false);
  });

  it('offers each keyed cloud model once, with its documented limits', () => {
    assert.deepEqual([byId.get('openai/gpt-4o')!.maxInputTokens, byId.get('openai/gpt-4o')!.maxOutputTokens], [128_000, 16_384]);
    assert.deepEqual([byId.get('anthropic/claude-sonnet-4-0')!.maxInputTokens, byId.get('anthropic/claude-sonnet-4-0')!.maxOutputTokens], [200_000, 64_000]);
    assert.equal(catalog.filter((e) => e.id === 'openai/gpt-4o').length, 1);
  });

  it('an undocumented cloud model gets small limits, and says so', () => {
    assert.deepEqual(cloudLimits('my-proxy-model'), { maxInputTokens: 32_000, maxOutputTokens: 4_096, documented: false });
    assert.equal(cloudLimits('gpt-4o-mini-2024-07-18').documented, true);
  });
});

describe('token counts', () => {
  it("uses each OpenAI model's own encoding, and o200k as a stand-in elsewhere", () => {
    assert.deepEqual(encodingFor('openai', 'gpt-4o-mini'), { encoding: 'o200k_base', exact: true });
    assert.deepEqual(encodingFor('openai', 'gpt-4-turbo'), { encoding: 'cl100k_base', exact: true });
    assert.deepEqual(encodingFor('anthropic', 'claude-sonnet-4-0'), { encoding: 'o200k_base', exact: false });
    assert.deepEqual(encodingFor('ollama', 'llama3'), { encoding: 'o200k_base', exact: false });
  });

  it('counts real BPE tokens, not characters / 4', async () => {
    const counter = new TokenCounter();
    // "hello world" is 2 tokens in both encodings; a long run of one letter is far fewer than length / 4.
    assert.equal(await counter.count('openai', 'gpt-4o', 'hello world'), 2);
    assert.equal(await counter.count('openai', 'gpt-4', 'hello world'), 2);
    const run = 'a'.repeat(400);
    const n = await counter.count('openai', 'gpt-4o', run);
    assert.ok(n > 0 && n < 100, `400 a's counted as ${n}`);
    assert.equal(await counter.count('auto', '', ''), 0);
  });
});
