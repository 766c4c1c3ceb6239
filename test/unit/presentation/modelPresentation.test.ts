import * as assert from 'node:assert/strict';
import { chooseSettingTarget } from '../../../src/core/presentation/chooseSettingTarget';
import { describeOllamaModel, formatBytes } from '../../../src/core/presentation/describeOllamaModel';

describe('describeOllamaModel', () => {
  it('shows size, parameters and quantization as `ollama list` would', () => {
    assert.equal(
      describeOllamaModel({ name: 'llama3:latest', sizeBytes: 4_661_224_676, parameterSize: '8.0B', quantization: 'Q4_0' }),
      '4.7 GB · 8.0B parameters · Q4_0',
    );
    assert.equal(describeOllamaModel({ name: 'tiny', sizeBytes: 45_000_000 }), '45 MB');
  });

  it('leaves out a size the server did not report instead of printing NaN', () => {
    assert.equal(describeOllamaModel({ name: 'x', sizeBytes: undefined as unknown as number, parameterSize: '7B' }), '7B parameters');
    assert.equal(formatBytes(-5), '');
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(2048), '2 KB');
  });
});

describe('chooseSettingTarget', () => {
  it('writes where the effective value comes from, so the change takes effect', () => {
    assert.equal(chooseSettingTarget({ globalValue: 'a', workspaceValue: 'b' }), 'workspace');
    assert.equal(chooseSettingTarget({ workspaceValue: 'b', workspaceFolderValue: 'c' }), 'workspaceFolder');
    assert.equal(chooseSettingTarget({ globalValue: 'a' }), 'global');
  });

  it('defaults to User settings when nothing sets the value (or nothing is known)', () => {
    assert.equal(chooseSettingTarget({}), 'global');
    assert.equal(chooseSettingTarget(undefined), 'global');
  });
});
