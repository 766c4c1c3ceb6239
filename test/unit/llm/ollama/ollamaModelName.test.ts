import * as assert from 'node:assert/strict';
import { normalizeModelName, sameModel } from '../../../../src/core/llm/ollama/modelName';

describe('Ollama model names', () => {
  it('adds :latest only when there is no tag', () => {
    assert.equal(normalizeModelName('llama3'), 'llama3:latest');
    assert.equal(normalizeModelName(' llama3 '), 'llama3:latest');
    assert.equal(normalizeModelName('qwen2.5-coder:7b'), 'qwen2.5-coder:7b');
    assert.equal(normalizeModelName('library/llama3'), 'library/llama3:latest');
  });

  it('does not mistake a registry port for a tag', () => {
    assert.equal(normalizeModelName('registry.local:5000/team/llama3'), 'registry.local:5000/team/llama3:latest');
    assert.equal(normalizeModelName('registry.local:5000/team/llama3:q4'), 'registry.local:5000/team/llama3:q4');
  });

  it('compares names with their default tag and ignoring case', () => {
    assert.ok(sameModel('llama3', 'llama3:latest'));
    assert.ok(sameModel('Llama3:Latest', 'llama3'));
    assert.ok(!sameModel('llama3', 'llama3:8b'));
    assert.ok(!sameModel('llama3', 'llama3.1'));
  });
});
