import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateJarvis, type JarvisApi } from './jarvisApi';
import { RecordingResponseStream } from './RecordingResponseStream';
import { chatRequest } from './chatRequest';

const PROBE: vscode.LanguageModelChatTool = {
  name: 'jarvis_probe',
  description: 'A tool the test offers; the fake model calls it when the prompt says so.',
  inputSchema: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] },
};

/** VS Code asks the provider for its models on demand; the first answer may still be on its way. */
async function jarvisModels(): Promise<vscode.LanguageModelChat[]> {
  for (let i = 0; i < 50; i++) {
    const models = await vscode.lm.selectChatModels({ vendor: 'jarvis' });
    if (models.length > 0) return models;
    await new Promise<void>((resolve) => {
      const sub = vscode.lm.onDidChangeChatModels(() => {
        sub.dispose();
        resolve();
      });
      // Bounded: a change event may have fired before we subscribed.
      setTimeout(() => {
        sub.dispose();
        resolve();
      }, 200);
    });
  }
  return [];
}

async function parts(response: vscode.LanguageModelChatResponse): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const p of response.stream) out.push(p);
  return out;
}

describe('Jarvis as a language model in a real VS Code (fake Ollama)', function () {
  let api: JarvisApi;
  let auto: vscode.LanguageModelChat;

  before(async () => {
    api = await activateJarvis();
    const models = await jarvisModels();
    const found = models.find((m) => m.id === 'jarvis-auto');
    assert.ok(found, `vscode.lm.selectChatModels({ vendor: 'jarvis' }) returned ${JSON.stringify(models.map((m) => m.id))}`);
    auto = found;
  });

  it('offers Jarvis Auto and the installed Ollama model, with its real context window', async () => {
    assert.equal(auto.name, 'Jarvis Auto');
    assert.equal(auto.vendor, 'jarvis');
    const local = (await jarvisModels()).find((m) => m.id === 'ollama/llama3:latest');
    assert.ok(local, 'the fake Ollama model is offered as a direct entry');
    // The fake's /api/show reports an 8k window: all of it is the input limit (the answer's room is kept by routing).
    assert.equal(local.maxInputTokens, 8192, 'context length from /api/show');
  });

  it('counts tokens with a real tokenizer, in a worker thread (a table load would stall the shared host)', async () => {
    assert.equal(await auto.countTokens('hello world'), 2);
    assert.equal(await auto.countTokens('function add(a, b) {\n  return a + b;\n}'), 14);
    assert.equal(api.tokens.inWorker(), true, 'the token counter fell back to the extension host: see the Jarvis log');
  });

  it('sendRequest with a tool streams a LanguageModelToolCallPart, and the tool result comes back as text', async () => {
    const prompt = 'What is a closure? [[tool:jarvis_probe {"x": 41}]]';
    const first = await parts(
      await auto.sendRequest([vscode.LanguageModelChatMessage.User(prompt)], { tools: [PROBE] }, new vscode.CancellationTokenSource().token),
    );
    const call = first.find((p): p is vscode.LanguageModelToolCallPart => p instanceof vscode.LanguageModelToolCallPart);
    assert.ok(call, `no tool call part in ${JSON.stringify(first)}`);
    assert.deepEqual([call.name, call.input], ['jarvis_probe', { x: 41 }]);

    const second = await parts(
      await auto.sendRequest(
        [
          vscode.LanguageModelChatMessage.User(prompt),
          vscode.LanguageModelChatMessage.Assistant([call]),
          vscode.LanguageModelChatMessage.User([new vscode.LanguageModelToolResultPart(call.callId, [new vscode.LanguageModelTextPart('probe says 42')])]),
        ],
        { tools: [PROBE] },
        new vscode.CancellationTokenSource().token,
      ),
    );
    const text = second.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    assert.equal(text, 'The tool returned: probe says 42');
  });

  it('sendRequests are counted in the routing status (the tracker behind Show Routing Status): with tools as agent steps, without as chat', async () => {
    // tasks_total{kind=…} is what the status, the dashboard and /metrics read (any outcome: a question an
    // earlier test asked is answered from the cache, which counts as outcome "cached").
    const tasks = async (kind: 'agent' | 'chat') =>
      (await (api as JarvisApi & { routing: { exportPrometheus(): Promise<string> } }).routing.exportPrometheus())
        .split('\n')
        .filter((l: string) => l.startsWith('tasks_total{') && l.includes(`kind="${kind}"`))
        .reduce((n: number, l: string) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    const [agents, chats] = [await tasks('agent'), await tasks('chat')];
    await parts(await auto.sendRequest([vscode.LanguageModelChatMessage.User('What is a closure?')], {}, new vscode.CancellationTokenSource().token));
    assert.equal(await tasks('chat'), chats + 1, 'a tool-less request is a chat request');
    await parts(
      await auto.sendRequest(
        [vscode.LanguageModelChatMessage.User('Which files are in the folder?')],
        { tools: [PROBE] },
        new vscode.CancellationTokenSource().token,
      ),
    );
    assert.equal(await tasks('agent'), agents + 1, 'a request with tools is an agent step');
  });

  it('toolMode Required gets a call even when the prompt asks for none', async () => {
    const out = await parts(
      await auto.sendRequest(
        [vscode.LanguageModelChatMessage.User('hello')],
        { tools: [PROBE], toolMode: vscode.LanguageModelChatToolMode.Required },
        new vscode.CancellationTokenSource().token,
      ),
    );
    assert.ok(
      out.some((p) => p instanceof vscode.LanguageModelToolCallPart && p.name === 'jarvis_probe'),
      JSON.stringify(out),
    );
  });

  it('declares the memory tools, and invokeTool on jarvis_recall returns a stored memory', async () => {
    const names = vscode.lm.tools.map((t) => t.name);
    for (const n of ['jarvis_recall', 'jarvis_remember', 'jarvis_decisions']) assert.ok(names.includes(n), `${n} missing from ${names.join(', ')}`);
    const marker = `billing-${Date.now()}`;
    const stream = new RecordingResponseStream();
    await api.chatHandler(
      chatRequest(`/remember decision: The ${marker} service uses PostgreSQL`),
      { history: [] },
      stream,
      new vscode.CancellationTokenSource().token,
    );
    const result = await vscode.lm.invokeTool(
      'jarvis_recall',
      { input: { query: `${marker} database` }, toolInvocationToken: undefined },
      new vscode.CancellationTokenSource().token,
    );
    const text = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    assert.match(text, new RegExp(`The ${marker} service uses PostgreSQL`), text);
  });

  it('a bad request to a Jarvis model fails with a clear message', async () => {
    const bad: vscode.LanguageModelChatTool = { name: 'bad.name', description: '', inputSchema: { type: 'object' } };
    await assert.rejects(
      async () => parts(await auto.sendRequest([vscode.LanguageModelChatMessage.User('hi')], { tools: [bad] }, new vscode.CancellationTokenSource().token)),
      (e: Error) => /bad\.name/.test(e.message) && /letters, digits/.test(e.message),
    );
  });
});
