import * as assert from 'node:assert/strict';
import { JarvisError, type JarvisErrorCode } from '../../../../src/common/errors';
import { errorToChunk } from '../../../../src/core/chat/errorToChunk';
import { DEFAULT_SETTINGS } from '../../../../src/core/config/settings';
import { FORGET_COMMAND } from '../../../../src/core/memory/contributors/memoryCommands';
import { whyCloudNotice } from '../../../../src/core/routing/whyCloudNotice';
import { CHAT_VIEW_ACTION_COMMANDS, isAllowedActionCommand } from '../../../../src/vscode/chatView/isAllowedActionCommand';

/** Every code, so a new one that gets a new action button shows up here. */
const CODES: Record<JarvisErrorCode, true> = {
  cancelled: true,
  'provider-disabled': true,
  'provider-unreachable': true,
  'model-not-found': true,
  'provider-error': true,
  'invalid-response': true,
  'invalid-input': true,
  'auth-failed': true,
  'rate-limited': true,
  timeout: true,
  'circuit-open': true,
  'budget-exceeded': true,
  'no-model-available': true,
  'untrusted-workspace': true,
  'storage-failed': true,
  'privacy-blocked': true,
};

describe('isAllowedActionCommand', () => {
  it('allows the Jarvis commands its buttons run', () => {
    for (const c of ['jarvis.checkOllama', 'jarvis.pullModel', 'jarvis.openSettings']) {
      assert.equal(isAllowedActionCommand(c), true, c);
    }
  });

  it('refuses everything else, including look-alikes', () => {
    for (const c of [
      'jarvis.',
      'jarvis',
      'Jarvis.checkOllama',
      'workbench.action.terminal.sendSequence',
      'vscode.open',
      '_workbench.downloadResource',
      'xjarvis.a',
      ' jarvis.a',
      'workbench.action.openSetting',
      // No chat button opens the Settings editor directly: error actions go through jarvis.openSettings.
      'workbench.action.openSettings',
      'workbench.action.openSettingsJson',
    ]) {
      assert.equal(isAllowedActionCommand(c), false, c);
    }
  });

  it('refuses Jarvis commands no chat button needs (a prefix rule let these through)', () => {
    for (const c of [
      'jarvis.clearApiKeys',
      'jarvis.memory.delete',
      'jarvis.memory.import',
      'jarvis.deleteModel',
      'jarvis.exportMetrics',
      'jarvis.newProject',
      'jarvis.x',
    ]) {
      assert.equal(isAllowedActionCommand(c), false, c);
    }
  });

  it("is exactly what the buttons need: every error action, /forget's confirmation, and a cloud answer's ledger record", () => {
    const ledgerButton = whyCloudNotice({ provider: 'openai', model: 'gpt-4o' }, 'abcd1234');
    const needed = new Set<string>([FORGET_COMMAND, ...(ledgerButton.type === 'notice' ? (ledgerButton.actions ?? []) : []).map((a) => a.command)]);
    for (const code of Object.keys(CODES) as JarvisErrorCode[]) {
      for (const provider of [undefined, 'openai', 'anthropic', 'vscode']) {
        const chunk = errorToChunk(new JarvisError(code, 'x', provider ? { provider } : {}), DEFAULT_SETTINGS);
        for (const a of chunk.actions ?? []) needed.add(a.command);
      }
    }
    for (const a of errorToChunk(new Error('plain'), DEFAULT_SETTINGS).actions ?? []) needed.add(a.command);
    assert.deepEqual([...CHAT_VIEW_ACTION_COMMANDS].sort(), [...needed].sort());
  });
});
