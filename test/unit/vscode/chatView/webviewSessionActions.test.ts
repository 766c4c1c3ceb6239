import * as assert from 'node:assert/strict';
import type { ChatChunk } from '../../../../src/core/chat/ChatChunk';
import type { IChatEngine } from '../../../../src/core/chat/ChatEngine';
import type { UiAction } from '../../../../src/shared/protocol';
import { ChatViewSession, TRANSCRIPT_STATE_KEY, type ChatViewEffects, type TranscriptMemento } from '../../../../src/vscode/chatView/ChatViewSession';
import { capturingLogger } from '../../../fakes/capturingLogger';

/** Action buttons: the webview may run only a command and arguments the host itself rendered. */

function setup(chunks: ChatChunk[], savedActions: UiAction[] = []) {
  const saved = { version: 1, messages: [{ role: 'error', id: 't0/error0', code: 'provider-unreachable', message: 'x', actions: savedActions }] };
  const memento: TranscriptMemento = { get: (key) => (key === TRANSCRIPT_STATE_KEY ? saved : undefined), update: async () => {} };
  const engine: IChatEngine = {
    async *run() {
      yield* chunks;
    },
  };
  const lines: string[] = [];
  const ran: unknown[][] = [];
  const effects: ChatViewEffects = {
    copy: async () => {},
    insert: async () => {},
    runCommand: async (command, args) => void ran.push([command, args]),
    openReference: async () => {},
  };
  const session = new ChatViewSession(engine, memento, capturingLogger(lines), effects);
  return { session, lines, ran };
}

const refused = (c: string) =>
  `Chat view: refused to run command "${c}" requested by the webview (no button of the transcript offers it with these arguments).`;

describe('ChatViewSession: action buttons run only what the host offered', () => {
  it('runs only allow-listed commands for action buttons', () => {
    const { session, lines, ran } = setup(
      [],
      [
        { title: 'Check', command: 'jarvis.checkOllama' },
        { title: 'Settings', command: 'jarvis.openSettings', args: ['jarvis.ollama.host'] },
        { title: 'Type', command: 'workbench.action.terminal.sendSequence', args: [{ text: 'rm -rf ~\n' }] },
      ],
    );
    session.receive({ type: 'runAction', command: 'jarvis.checkOllama' });
    session.receive({ type: 'runAction', command: 'jarvis.openSettings', args: ['jarvis.ollama.host'] });
    session.receive({ type: 'runAction', command: 'workbench.action.terminal.sendSequence', args: [{ text: 'rm -rf ~\n' }] });
    assert.deepEqual(ran, [
      ['jarvis.checkOllama', []],
      ['jarvis.openSettings', ['jarvis.ollama.host']],
    ]);
    assert.deepEqual(lines, ['Chat view: refused to run command "workbench.action.terminal.sendSequence" requested by the webview (not allow-listed).']);
  });

  it('runs an allow-listed command only with the arguments a button of the transcript carries', () => {
    const { session, lines, ran } = setup([], [{ title: 'Pull llama3', command: 'jarvis.pullModel', args: ['llama3'] }]);
    session.receive({ type: 'runAction', command: 'jarvis.pullModel', args: ['evil/exfiltrate'] });
    session.receive({ type: 'runAction', command: 'jarvis.pullModel' });
    session.receive({ type: 'runAction', command: 'jarvis.checkOllama' });
    session.receive({ type: 'runAction', command: 'jarvis.pullModel', args: ['llama3'] });
    assert.deepEqual(ran, [['jarvis.pullModel', ['llama3']]]);
    assert.deepEqual(lines, [refused('jarvis.pullModel'), refused('jarvis.pullModel'), refused('jarvis.checkOllama')]);
  });

  it("runs a notice's button (a cloud answer's ledger record) once the engine has sent it, not before", async () => {
    const whyCloud: UiAction = { title: 'Why cloud?', command: 'jarvis.audit.whyCloud', args: ['abcd1234'] };
    const { session, lines, ran } = setup([
      { type: 'model', model: 'gpt-4o', provider: 'openai', local: false },
      { type: 'notice', level: 'info', message: 'sent to the cloud', actions: [whyCloud] },
      { type: 'done', model: 'gpt-4o', usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 5, truncated: false },
    ]);
    session.receive({ type: 'runAction', command: whyCloud.command, args: whyCloud.args });
    session.receive({ type: 'send', prompt: 'x' });
    await session.idle();
    session.receive({ type: 'runAction', command: whyCloud.command, args: whyCloud.args });
    assert.deepEqual(ran, [[whyCloud.command, whyCloud.args]]);
    assert.deepEqual(lines, [refused(whyCloud.command)]);
  });
});
