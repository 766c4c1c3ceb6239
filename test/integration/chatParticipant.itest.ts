import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateJarvis, type JarvisApi } from './jarvisApi';
import { RecordingResponseStream } from './RecordingResponseStream';
import { chatRequest } from './chatRequest';

const PARTICIPANT = 'jarvis.chat';

// The constructors are private in the typings but public at runtime; the handler tells turns apart
// with instanceof, so real instances are used whenever the host has them.
type RequestTurnCtor = new (
  prompt: string,
  command: string | undefined,
  references: vscode.ChatPromptReference[],
  participant: string,
  toolReferences: vscode.ChatLanguageModelToolReference[],
) => vscode.ChatRequestTurn;
type ResponseTurnCtor = new (response: vscode.ChatResponseMarkdownPart[], result: vscode.ChatResult, participant: string) => vscode.ChatResponseTurn;

function requestTurn(prompt: string): vscode.ChatRequestTurn {
  const Ctor = (vscode as unknown as { ChatRequestTurn?: RequestTurnCtor }).ChatRequestTurn;
  if (Ctor) return new Ctor(prompt, undefined, [], PARTICIPANT, []);
  return { prompt, command: undefined, references: [], toolReferences: [], participant: PARTICIPANT } as unknown as vscode.ChatRequestTurn;
}

function responseTurn(text: string): vscode.ChatResponseTurn {
  const parts = [new vscode.ChatResponseMarkdownPart(text)];
  const Ctor = (vscode as unknown as { ChatResponseTurn?: ResponseTurnCtor }).ChatResponseTurn;
  if (Ctor) return new Ctor(parts, {}, PARTICIPANT);
  return { response: parts, result: {}, participant: PARTICIPANT } as unknown as vscode.ChatResponseTurn;
}

async function ask(
  api: JarvisApi,
  prompt: string,
  history: (vscode.ChatRequestTurn | vscode.ChatResponseTurn)[] = [],
  token: vscode.CancellationToken = new vscode.CancellationTokenSource().token,
  stream = new RecordingResponseStream(),
): Promise<{ stream: RecordingResponseStream; result: vscode.ChatResult | void }> {
  const result = await api.chatHandler(chatRequest(prompt), { history }, stream, token);
  return { stream, result: result ?? undefined };
}

function historyCount(text: string): number {
  const m = /history:\s*(\d+)/.exec(text);
  assert.ok(m, `expected "history:<N>" in the answer, got: ${JSON.stringify(text.slice(0, 300))}`);
  return Number(m[1]);
}

describe('@jarvis chat participant (fake Ollama over HTTP)', function () {
  let api: JarvisApi;

  before(async () => {
    const host = vscode.workspace.getConfiguration('jarvis').get<string>('ollama.host');
    assert.ok(host && /^http:\/\/127\.0\.0\.1:\d+/.test(host), `jarvis.ollama.host should point at the fake server, got ${host}`);
    api = await activateJarvis();
  });

  it('streams the model answer into the response stream', async () => {
    const { stream, result } = await ask(api, 'how do I reverse a list in Python?');
    const text = stream.markdownText;
    assert.match(text, /Hello from fake Ollama/, `recorded markdown: ${JSON.stringify(text.slice(0, 300))}`);
    assert.match(text, /how do I reverse a list in Python\?/);
    assert.ok(stream.calls.filter((c) => c.kind === 'markdown').length >= 1);
    assert.equal(result?.errorDetails, undefined, `unexpected error: ${JSON.stringify(result?.errorDetails)}`);
  });

  it('stops promptly when the request is cancelled mid-stream', async () => {
    const cts = new vscode.CancellationTokenSource();
    const stream = new RecordingResponseStream();
    let cancelledAt: number | undefined;
    stream.onMarkdown = (t) => {
      if (cancelledAt === undefined && t.includes('tick')) {
        cancelledAt = Date.now();
        cts.cancel();
      }
    };
    await ask(api, '[[slow]]', [], cts.token, stream);
    const returnedAt = Date.now();
    assert.ok(cancelledAt !== undefined, `no "tick" was streamed before the handler returned: ${JSON.stringify(stream.markdownText.slice(0, 200))}`);
    // The full answer takes 400 × 50 ms = 20 s; returning within 3 s shows the cancel reached the stream.
    assert.ok(returnedAt - cancelledAt < 3_000, `handler returned ${returnedAt - cancelledAt} ms after cancel`);
    const ticks = (stream.markdownText.match(/tick/g) ?? []).length;
    assert.ok(ticks >= 1 && ticks < 60, `expected far fewer than 400 ticks after cancelling, got ${ticks}`);
    cts.dispose();
  });

  it('sends earlier turns of the conversation to the model', async () => {
    const without = historyCount((await ask(api, '[[history]]')).stream.markdownText);
    const history = [requestTurn('What is a list?'), responseTurn('A list is an ordered collection.')];
    const withHistory = historyCount((await ask(api, '[[history]]', history)).stream.markdownText);
    assert.equal(withHistory, without + 2, `messages sent: ${without} without history, ${withHistory} with 2 earlier turns`);
  });

  it('returns at once when the token is already cancelled', async () => {
    const cts = new vscode.CancellationTokenSource();
    cts.cancel();
    const started = Date.now();
    const { stream } = await ask(api, '[[slow]]', [], cts.token);
    assert.ok(Date.now() - started < 3_000);
    assert.ok((stream.markdownText.match(/tick/g) ?? []).length < 5, stream.markdownText.slice(0, 200));
    cts.dispose();
  });
});
