import * as assert from 'node:assert/strict';
import { targetOf } from '../../../../src/vscode/lm/JarvisChatModelProvider';

describe('JarvisChatModelProvider: a model id → the model it talks to', () => {
  const ROWS: [id: string, target: ReturnType<typeof targetOf>][] = [
    ['jarvis-auto', undefined],
    ['ollama/qwen2.5:7b', { provider: 'ollama', model: 'qwen2.5:7b' }],
    ['ollama/hf.co/user/model:Q4_K_M', { provider: 'ollama', model: 'hf.co/user/model:Q4_K_M' }],
    ['openai/gpt-4o', { provider: 'openai', model: 'gpt-4o' }],
    ['anthropic/claude-sonnet-4-0', { provider: 'anthropic', model: 'claude-sonnet-4-0' }],
    ['vscode/copilot-gpt-4o', undefined],
    ['gpt-4o', undefined],
    ['/gpt-4o', undefined],
  ];
  for (const [id, target] of ROWS)
    it(`${id} → ${target ? `${target.provider} ${target.model}` : 'routed (Auto)'}`, () => assert.deepEqual(targetOf(id), target));
});
