import * as assert from 'node:assert/strict';
import type { ChatChunk } from '../../../../src/core/chat/ChatChunk';
import type { IChatEngine } from '../../../../src/core/chat/ChatEngine';
import { MapMemento } from '../../../fakes/MapMemento';
import { RecordingLogger } from '../../../fakes/RecordingLogger';
import { parseStoredTranscript } from '../../../../src/shared/parseStoredTranscript';
import type { HostToWebviewMessage, UiSlashCommand } from '../../../../src/shared/protocol';
import { ChatViewSession, TRANSCRIPT_STATE_KEY, type ChatViewEffects } from '../../../../src/vscode/chatView/ChatViewSession';

/** The chat view host with what the engine now yields: references, notices, model reasons, cost. */

function setup(chunks: ChatChunk[], commands: UiSlashCommand[] = []) {
  const engine: IChatEngine = {
    async *run() {
      yield* chunks;
    },
  };
  const memento = new MapMemento();
  const logger = new RecordingLogger();
  const warnings = logger.warnings;
  const opened: string[] = [];
  const effects: ChatViewEffects = {
    copy: async () => {},
    insert: async () => {},
    runCommand: async () => {},
    openReference: async (uri) => void opened.push(uri),
  };
  const session = new ChatViewSession(engine, memento, logger, effects, commands);
  const posted: HostToWebviewMessage[] = [];
  session.attach((m) => posted.push(m));
  session.receive({ type: 'ready' });
  return { session, memento, warnings, opened, posted };
}

const FILE = 'file:///work/app/src/db.ts';

const escalated: ChatChunk[] = [
  { type: 'model', model: 'llama3', provider: 'ollama', local: true, reason: 'low complexity' },
  { type: 'reference', title: 'decision: PostgreSQL', detail: 'remembered 2 days ago' },
  { type: 'reference', title: 'src/db.ts', uri: FILE },
  { type: 'notice', level: 'warning', message: 'local answer scored 0.42 < 0.70 → escalated to gpt-4o' },
  { type: 'model', model: 'gpt-4o', provider: 'openai', local: false, reason: 'escalated after a weak local answer' },
  { type: 'markdown', text: 'Use a pool.' },
  { type: 'done', model: 'gpt-4o', usage: { inputTokens: 100, outputTokens: 20 }, durationMs: 2100, truncated: false, cost: { usd: 0.0012 }, ttftMs: 400 },
];

describe('ChatViewSession: references, notices, cost', () => {
  it('keeps them on the answer, with the usage line, and saves them', async () => {
    const { session, memento } = setup(escalated);
    session.receive({ type: 'send', prompt: 'pooling?' });
    await session.idle();
    const answer = session.state.messages[1];
    assert.equal(answer.role, 'assistant');
    if (answer.role !== 'assistant') return;
    assert.deepEqual(answer.model, { model: 'gpt-4o', provider: 'openai', local: false, reason: 'escalated after a weak local answer' });
    assert.deepEqual(answer.references, [
      { title: 'decision: PostgreSQL', detail: 'remembered 2 days ago' },
      { title: 'src/db.ts', uri: FILE },
    ]);
    assert.deepEqual(answer.notices, [{ level: 'warning', message: 'local answer scored 0.42 < 0.70 → escalated to gpt-4o' }]);
    // done said nothing about where: the last model chunk (cloud) decides, so no "free (local)".
    assert.equal(answer.stats?.footer, 'gpt-4o · cloud · 100 → 20 tokens · $0.0012 · 2.1 s (first token 400 ms)');
    assert.deepEqual(parseStoredTranscript(memento.get(TRANSCRIPT_STATE_KEY)).messages, session.state.messages);
  });

  it('adds the running total of the conversation from the second answer on, and starts again after New chat', async () => {
    const { session } = setup(escalated);
    const footers = () => session.state.messages.flatMap((m) => (m.role === 'assistant' && m.stats?.footer ? [m.stats.footer] : []));
    session.receive({ type: 'send', prompt: 'pooling?' });
    await session.idle();
    session.receive({ type: 'send', prompt: 'and again?' });
    await session.idle();
    session.receive({ type: 'send', prompt: 'once more?' });
    await session.idle();
    assert.deepEqual(footers(), [
      'gpt-4o · cloud · 100 → 20 tokens · $0.0012 · 2.1 s (first token 400 ms)',
      'gpt-4o · cloud · 100 → 20 tokens · $0.0012 · 2.1 s (first token 400 ms) · conversation $0.0024 over 2 answers',
      'gpt-4o · cloud · 100 → 20 tokens · $0.0012 · 2.1 s (first token 400 ms) · conversation $0.0036 over 3 answers',
    ]);
    session.newChat();
    session.receive({ type: 'send', prompt: 'new topic' });
    await session.idle();
    assert.deepEqual(footers(), ['gpt-4o · cloud · 100 → 20 tokens · $0.0012 · 2.1 s (first token 400 ms)']);
  });

  it('opens a reference the transcript carries, and refuses other URIs', async () => {
    const { session, opened, warnings } = setup(escalated);
    session.receive({ type: 'send', prompt: 'pooling?' });
    await session.idle();
    session.receive({ type: 'openReference', uri: FILE });
    session.receive({ type: 'openReference', uri: 'file:///etc/passwd' });
    session.receive({ type: 'openReference', uri: 'command:workbench.action.terminal.new' });
    session.receive({ type: 'openReference', uri: 'https://example.com' });
    session.receive({ type: 'openReference', uri: '' });
    assert.deepEqual(opened, [FILE]);
    assert.deepEqual(warnings, [
      'Chat view: refused to open a reference the webview asked for (not in the transcript).',
      'Chat view: refused to open a reference the webview asked for (scheme not allowed).',
      'Chat view: refused to open a reference the webview asked for (scheme not allowed).',
      'Chat view: ignored a malformed message from the webview.',
    ]);
  });

  it('sends the slash commands in init, leaving out malformed entries with a warning', () => {
    const bad = [
      { name: 'remember', description: 'Remember a decision' },
      { name: '', description: 'no name' },
      { name: 'has space', description: 'x' },
      { name: 'remember', description: 'duplicate' },
      { name: 'local', description: 'Answer with a local model only' },
    ];
    const { posted, warnings } = setup([], bad);
    assert.deepEqual(posted[0], {
      type: 'init',
      messages: [],
      busy: false,
      commands: [
        { name: 'remember', description: 'Remember a decision' },
        { name: 'local', description: 'Answer with a local model only' },
      ],
    });
    assert.deepEqual(warnings, ['Chat view: 3 slash command(s) were malformed or repeated and are not offered.']);
  });

  it('sends a slash command as typed: the engine parses it', async () => {
    const prompts: string[] = [];
    const engine: IChatEngine = {
      async *run(request) {
        prompts.push(request.prompt);
        yield { type: 'markdown', text: 'Remembered.' };
      },
    };
    const session = new ChatViewSession(engine, new MapMemento(), new RecordingLogger(), {
      copy: async () => {},
      insert: async () => {},
      runCommand: async () => {},
      openReference: async () => {},
    });
    session.receive({ type: 'send', prompt: '/remember we use pnpm' });
    await session.idle();
    assert.deepEqual(prompts, ['/remember we use pnpm']);
  });
});
