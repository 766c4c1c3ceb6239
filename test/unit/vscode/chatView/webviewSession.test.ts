import * as assert from 'node:assert/strict';
import type { ChatChunk, ChatEngineRequest } from '../../../../src/core/chat/ChatChunk';
import type { IChatEngine } from '../../../../src/core/chat/ChatEngine';
import { MapMemento } from '../../../fakes/MapMemento';
import { RecordingLogger } from '../../../fakes/RecordingLogger';
import { parseStoredTranscript } from '../../../../src/shared/parseStoredTranscript';
import type { HostToWebviewMessage, TranscriptMessage, UiSlashCommand } from '../../../../src/shared/protocol';
import { ChatViewSession, TRANSCRIPT_STATE_KEY, type ChatViewEffects } from '../../../../src/vscode/chatView/ChatViewSession';

/**
 * An engine whose answer waits on the test: it yields `model`, then blocks until `release()` (or
 * until aborted, ending quietly like the real engine), then yields the scripted rest.
 */
class GatedEngine implements IChatEngine {
  readonly requests: ChatEngineRequest[] = [];
  private readonly gates: Array<() => void> = [];
  private readonly reachedWaiters: Array<() => void> = [];
  constructor(private readonly rest: ChatChunk[] = [{ type: 'markdown', text: 'Hi' }, doneChunk]) {}

  async *run(request: ChatEngineRequest): AsyncGenerator<ChatChunk> {
    this.requests.push(request);
    yield { type: 'model', model: 'llama3', provider: 'ollama', local: true };
    yield { type: 'markdown', text: 'partial ' };
    await new Promise<void>((resolve) => {
      const open = () => {
        const i = this.gates.indexOf(open);
        if (i >= 0) this.gates.splice(i, 1);
        resolve();
      };
      this.gates.push(open);
      request.signal.addEventListener('abort', open, { once: true });
      for (const w of this.reachedWaiters.splice(0)) w();
    });
    if (request.signal.aborted) return;
    yield* this.rest;
  }

  /** Resolves once a turn is waiting at the gate. */
  reached(): Promise<void> {
    return this.gates.length > 0 ? Promise.resolve() : new Promise((r) => this.reachedWaiters.push(r));
  }

  release(): void {
    this.gates[0]?.();
  }
}

const doneChunk: ChatChunk = { type: 'done', model: 'llama3:latest', usage: { inputTokens: 3, outputTokens: 2 }, durationMs: 40, truncated: false };

class RecordingEffects implements ChatViewEffects {
  readonly calls: unknown[][] = [];
  /** What the open editor's language is; a function so a test can make it throw. */
  editorLanguage: () => string | undefined = () => undefined;
  editorLanguageId() {
    return this.editorLanguage();
  }
  async copy(code: string) {
    this.calls.push(['copy', code]);
  }
  async insert(code: string) {
    this.calls.push(['insert', code]);
  }
  async runCommand(command: string, args: unknown[]) {
    this.calls.push(['runCommand', command, args]);
  }
  async openReference(uri: string) {
    this.calls.push(['openReference', uri]);
  }
}

function setup(engine: IChatEngine = new GatedEngine(), saved?: unknown, commands: UiSlashCommand[] = []) {
  const memento = new MapMemento();
  if (saved !== undefined) memento.values.set(TRANSCRIPT_STATE_KEY, saved);
  const logger = new RecordingLogger();
  const effects = new RecordingEffects();
  const session = new ChatViewSession(engine, memento, logger, effects, commands);
  const posted: HostToWebviewMessage[] = [];
  session.attach((m) => posted.push(m));
  return { session, memento, logger, effects, posted };
}

const types = (posted: HostToWebviewMessage[]) => posted.map((m) => (m.type === 'chunk' ? `chunk:${m.chunk.type}` : m.type));

describe('ChatViewSession', () => {
  it('posts nothing before the webview is ready, then the saved transcript', async () => {
    const saved: TranscriptMessage[] = [{ role: 'user', id: 'old/user', text: 'earlier' }];
    const { session, posted } = setup(new GatedEngine(), { version: 1, messages: saved });
    session.newChat();
    assert.deepEqual(posted, [], 'nothing before ready');
    session.receive({ type: 'ready' });
    assert.deepEqual(posted, [{ type: 'init', messages: [], busy: false, commands: [] }]);

    const again = setup(new GatedEngine(), { version: 1, messages: saved });
    again.session.receive({ type: 'ready' });
    assert.deepEqual(again.posted, [{ type: 'init', messages: saved, busy: false, commands: [] }]);
  });

  it('runs a turn: start, streamed chunks, end — and saves it', async () => {
    const engine = new GatedEngine();
    const { session, posted, memento } = setup(engine);
    session.receive({ type: 'ready' });
    session.receive({ type: 'send', prompt: 'Explain closures' });
    await engine.reached();
    assert.equal(session.state.busy, true);
    engine.release();
    await session.idle();
    assert.deepEqual(types(posted), ['init', 'turnStart', 'chunk:model', 'chunk:markdown', 'chunk:markdown', 'chunk:done', 'turnEnd']);
    assert.deepEqual(posted.at(-1), { type: 'turnEnd', turnId: (posted[1] as { turnId: string }).turnId, reason: 'done' });
    assert.equal(engine.requests[0].prompt, 'Explain closures');
    assert.deepEqual(engine.requests[0].history, []);

    const stored = parseStoredTranscript(memento.get(TRANSCRIPT_STATE_KEY));
    assert.equal(stored.dropped, 0);
    assert.deepEqual(stored.messages, session.state.messages);
    assert.deepEqual(
      stored.messages.map((m) => (m.role === 'error' ? m.message : m.text)),
      ['Explain closures', 'partial Hi'],
    );
  });

  it("passes the open editor's language id to the engine (the quality gate's requested language)", async () => {
    const engine = new GatedEngine();
    const { session, effects } = setup(engine);
    effects.editorLanguage = () => 'go';
    session.receive({ type: 'send', prompt: 'Add a timeout to this' });
    await engine.reached();
    engine.release();
    await session.idle();
    assert.equal(engine.requests[0].editorLanguageId, 'go');

    effects.editorLanguage = () => undefined; // no editor open: the key is absent, not undefined
    session.receive({ type: 'send', prompt: 'And a retry' });
    await engine.reached();
    engine.release();
    await session.idle();
    assert.equal('editorLanguageId' in engine.requests[1], false);
  });

  it("checks the answer without the editor's language when reading it fails or gives junk, with a warning", async () => {
    const engine = new GatedEngine();
    const { session, effects, logger } = setup(engine);
    effects.editorLanguage = () => {
      throw new Error('editor gone');
    };
    session.receive({ type: 'send', prompt: 'q1' });
    await engine.reached();
    engine.release();
    await session.idle();
    assert.equal('editorLanguageId' in engine.requests[0], false);
    assert.match(logger.lines.join('\n'), /could not read the open editor's language \(editor gone\)/);
    assert.deepEqual(
      session.state.messages.map((m) => (m.role === 'error' ? m.message : m.text)),
      ['q1', 'partial Hi'],
      'the turn still ran',
    );

    effects.editorLanguage = () => 'x'.repeat(500) + '\n<script>';
    session.receive({ type: 'send', prompt: 'q2' });
    await engine.reached();
    engine.release();
    await session.idle();
    assert.equal('editorLanguageId' in engine.requests[1], false, 'a malformed id is dropped');
  });

  it('sends earlier turns as history, and a reloaded session continues the conversation', async () => {
    const engine = new GatedEngine();
    const first = setup(engine);
    first.session.receive({ type: 'send', prompt: 'q1' });
    await engine.reached();
    engine.release();
    await first.session.idle();

    const engine2 = new GatedEngine();
    const reloaded = new ChatViewSession(engine2, first.memento, new RecordingLogger(), new RecordingEffects());
    reloaded.receive({ type: 'send', prompt: 'q2' });
    await engine2.reached();
    assert.deepEqual(engine2.requests[0].history, [
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'partial Hi' },
    ]);
    reloaded.stop();
    await reloaded.idle();
  });

  it('refuses a second prompt politely while answering', async () => {
    const engine = new GatedEngine();
    const { session, posted } = setup(engine);
    session.receive({ type: 'ready' });
    session.receive({ type: 'send', prompt: 'one' });
    await engine.reached();
    session.receive({ type: 'send', prompt: 'two' });
    assert.equal(engine.requests.length, 1);
    assert.deepEqual(posted.at(-1), { type: 'notice', message: 'Jarvis is still answering. Press Stop (or Esc) to end that answer, then send again.' });
    engine.release();
    await session.idle();
  });

  it('refuses an empty prompt without calling the engine', () => {
    const engine = new GatedEngine();
    const { session, posted } = setup(engine);
    session.receive({ type: 'ready' });
    session.receive({ type: 'send', prompt: '  \n ' });
    assert.equal(engine.requests.length, 0);
    assert.deepEqual(posted.at(-1), { type: 'notice', message: 'Type a question first.' });
  });

  it('stop aborts the turn and keeps the partial answer, marked stopped', async () => {
    const engine = new GatedEngine();
    const { session, posted } = setup(engine);
    session.receive({ type: 'ready' });
    session.receive({ type: 'send', prompt: 'long' });
    await engine.reached();
    session.receive({ type: 'stop' });
    assert.equal(engine.requests[0].signal.aborted, true);
    await session.idle();
    assert.equal((posted.at(-1) as { reason?: string }).reason, 'stopped');
    assert.equal(session.state.busy, false);
    assert.deepEqual(session.state.messages[1], {
      role: 'assistant',
      id: session.state.messages[1].id,
      text: 'partial ',
      status: 'stopped',
      model: { model: 'llama3', provider: 'ollama', local: true },
    });
  });

  it('New chat mid-answer aborts it, clears, and the old turn cannot disturb the next one', async () => {
    const engine = new GatedEngine();
    const { session, posted, memento } = setup(engine);
    session.receive({ type: 'ready' });
    session.receive({ type: 'send', prompt: 'old' });
    await engine.reached();
    session.receive({ type: 'newChat' });
    assert.equal(engine.requests[0].signal.aborted, true);
    session.receive({ type: 'send', prompt: 'new' });
    assert.equal(engine.requests.length, 2, 'the new prompt is accepted at once');
    await engine.reached();
    // A macrotask turn: every microtask of the aborted turn (its finally included) has run by then.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(session.state.busy, true, 'still busy with the new turn after the old one wound down');
    session.receive({ type: 'send', prompt: 'third' });
    assert.equal(engine.requests.length, 2, 'the new turn still counts as running');
    const afterClear = posted.slice(posted.findIndex((m) => m.type === 'cleared'));
    assert.equal(afterClear.filter((m) => m.type === 'turnEnd').length, 0);
    engine.release();
    await session.idle();
    assert.deepEqual(
      session.state.messages.map((m) => (m.role === 'error' ? m.message : m.text)),
      ['new', 'partial Hi'],
    );
    assert.deepEqual(parseStoredTranscript(memento.get(TRANSCRIPT_STATE_KEY)).messages, session.state.messages);
  });

  it('closing the view aborts the answer', async () => {
    const engine = new GatedEngine();
    const { session } = setup(engine);
    session.receive({ type: 'send', prompt: 'x' });
    await engine.reached();
    session.detach();
    assert.equal(engine.requests[0].signal.aborted, true);
    await session.idle();
    assert.equal(session.state.busy, false);
  });

  it('after dispose, prompts are ignored', () => {
    const engine = new GatedEngine();
    const { session } = setup(engine);
    session.dispose();
    session.receive({ type: 'send', prompt: 'x' });
    assert.equal(engine.requests.length, 0);
  });

  it('shows an error chunk from the engine and ends the turn as error', async () => {
    const engine = new GatedEngine([
      { type: 'error', code: 'model-not-found', message: 'Pull llama3 first', actions: [{ title: 'Pull', command: 'jarvis.pullModel' }] },
    ]);
    const { session, posted } = setup(engine);
    session.receive({ type: 'ready' });
    session.receive({ type: 'send', prompt: 'x' });
    await engine.reached();
    engine.release();
    await session.idle();
    assert.deepEqual(posted.at(-1), { type: 'turnEnd', turnId: (posted[1] as { turnId: string }).turnId, reason: 'error' });
    assert.equal(session.state.messages.at(-1)?.role, 'error');
  });

  it('turns an engine that throws into a visible error with Show Log, and logs it', async () => {
    const engine: IChatEngine = {
      async *run() {
        throw new Error('boom');
      },
    };
    const { session, logger } = setup(engine);
    session.receive({ type: 'send', prompt: 'x' });
    await session.idle();
    assert.deepEqual(session.state.messages.at(-1), {
      role: 'error',
      id: session.state.messages.at(-1)?.id,
      code: 'internal',
      message: 'Jarvis hit an unexpected problem: boom. The log has details.',
      actions: [{ title: 'Show Log', command: 'jarvis.showLog' }],
    });
    assert.deepEqual(logger.lines, ['error boom']);
  });

  it('ignores malformed webview messages with a warning', () => {
    const { session, posted, logger, effects } = setup();
    session.receive({ type: 'ready' });
    for (const m of [null, 'send', { type: 'send', prompt: 1 }, { type: 'eval', code: 'x' }]) session.receive(m);
    assert.deepEqual(types(posted), ['init']);
    assert.deepEqual(effects.calls, []);
    assert.equal(logger.lines.filter((l) => l === 'warn Chat view: ignored a malformed message from the webview.').length, 4);
  });

  it('refuses a Jarvis command outside the allowlist (e.g. clearing the API keys) and logs it', () => {
    const { session, effects, logger } = setup();
    session.receive({ type: 'runAction', command: 'jarvis.clearApiKeys' });
    session.receive({ type: 'runAction', command: 'jarvis.memory.delete', args: ['m1'] });
    assert.deepEqual(effects.calls, []);
    assert.deepEqual(logger.lines, [
      'warn Chat view: refused to run command "jarvis.clearApiKeys" requested by the webview (not allow-listed).',
      'warn Chat view: refused to run command "jarvis.memory.delete" requested by the webview (not allow-listed).',
    ]);
  });

  it('passes copy and insert to the host effects', () => {
    const { session, effects } = setup();
    session.receive({ type: 'copy', code: 'a' });
    session.receive({ type: 'insert', code: 'b' });
    assert.deepEqual(effects.calls, [
      ['copy', 'a'],
      ['insert', 'b'],
    ]);
  });

  it('starts empty, with a warning, when the saved transcript is unreadable', () => {
    const { session, logger } = setup(new GatedEngine(), { version: 99, messages: [] });
    assert.deepEqual(session.state.messages, []);
    assert.deepEqual(logger.lines, ['warn Chat view: 1 saved transcript entry was unreadable and skipped.']);
  });

  it('logs (and survives) a failed save', async () => {
    const engine = new GatedEngine();
    const { session, memento, logger } = setup(engine);
    memento.failWith = new Error('disk full');
    session.receive({ type: 'send', prompt: 'x' });
    await engine.reached();
    engine.release();
    await session.idle();
    assert.equal(session.state.busy, false);
    assert.ok(logger.lines.includes('warn Chat view: could not save the transcript: disk full'));
  });
});
