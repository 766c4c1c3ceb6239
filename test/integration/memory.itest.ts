import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateJarvis, type JarvisApi } from './jarvisApi';
import { RecordingResponseStream } from './RecordingResponseStream';
import { chatRequest } from './chatRequest';

/** What registerMemory exposes for tests (src/vscode/memory/registerMemory.ts `MemoryTestApi`), as `api.memory`. */
interface MemoryTestApi {
  recordInsertion(code: { document: vscode.Uri; range: vscode.Range; text: string; languageId: string }): void;
  flushEdits(): Promise<void>;
  preferences(): { id: string; value: string; confidence: number; evidenceCount: number }[];
}

async function ask(api: JarvisApi, prompt: string): Promise<string> {
  const stream = new RecordingResponseStream();
  await api.chatHandler(chatRequest(prompt), { history: [] }, stream, new vscode.CancellationTokenSource().token);
  return stream.markdownText;
}

describe('Business memory in a real VS Code', function () {
  let api: JarvisApi;
  let memory: MemoryTestApi;

  before(async () => {
    api = await activateJarvis();
    const m = (api as unknown as { memory?: MemoryTestApi }).memory;
    assert.ok(m, 'activate() returned no `memory` API: extension.ts must expose registerMemory(...).api as `memory`.');
    memory = m;
  });

  it('/remember through the chat handler, then /recall finds it', async () => {
    const marker = `orders-${Date.now()}`;
    const stored = await ask(api, `/remember decision: Use PostgreSQL for the ${marker} service`);
    assert.match(stored, /Remembered as a \*\*decision\*\*: Use PostgreSQL for the orders-\d+ service/, stored);
    const recalled = await ask(api, `/recall database for the ${marker} service`);
    assert.match(recalled, new RegExp(`Use PostgreSQL for the ${marker} service`), recalled);
    assert.match(recalled, /\*\*decision\*\*/);
  });

  it('learns a quote preference from a real edit to inserted code', async () => {
    const inserted = 'const greeting = "hello";\nconst target = "world";\nconsole.log(greeting, target);\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'javascript', content: `// above\n${inserted}// below\n` });
    await vscode.window.showTextDocument(doc);
    const start = doc.positionAt(doc.getText().indexOf(inserted));
    const range = new vscode.Range(start, doc.positionAt(doc.offsetAt(start) + inserted.length));
    const before = memory.preferences().find((p) => p.id === 'coding_style:quotes');
    memory.recordInsertion({ document: doc.uri, range, text: inserted, languageId: 'javascript' });

    // The user types a line above (shifting the code), then turns every double quote into a single one.
    const shift = new vscode.WorkspaceEdit();
    shift.insert(doc.uri, new vscode.Position(0, 0), '// a line the user added\n');
    assert.ok(await vscode.workspace.applyEdit(shift));
    const edit = new vscode.WorkspaceEdit();
    for (let line = 0; line < doc.lineCount; line++) {
      const text = doc.lineAt(line).text;
      for (const m of text.matchAll(/"/g)) edit.replace(doc.uri, new vscode.Range(line, m.index, line, m.index + 1), "'");
    }
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(doc.getText(), /const greeting = 'hello';/);
    await memory.flushEdits();

    const after = memory.preferences().find((p) => p.id === 'coding_style:quotes');
    assert.ok(after, `no quotes preference was learned; preferences: ${JSON.stringify(memory.preferences())}`);
    assert.equal(after.value, 'single');
    if (before?.value === 'single') assert.ok(after.confidence > before.confidence, `confidence ${before.confidence} → ${after.confidence}`);
    else assert.ok(after.confidence > 0, `confidence ${after.confidence}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('exports memories and imports a file, validating every record', async () => {
    await ask(api, '/remember insight: Batching embeddings makes imports fast');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-itest-mem-'));
    try {
      const exported = vscode.Uri.file(path.join(dir, 'export.json'));
      await vscode.commands.executeCommand('jarvis.memory.export', exported);
      const data = JSON.parse(await fs.readFile(exported.fsPath, 'utf8')) as { format: string; memories: { text: string }[] };
      assert.equal(data.format, 'jarvis-memories');
      assert.ok(data.memories.some((m) => m.text === 'Batching embeddings makes imports fast'));

      const again = await vscode.commands.executeCommand<{ imported: number; skipped: number; failed: number }>('jarvis.memory.import', exported);
      assert.deepEqual(again, { imported: 0, skipped: data.memories.length, failed: 0 }, 'importing an export into the same store adds nothing');

      const mixed = vscode.Uri.file(path.join(dir, 'mixed.json'));
      const good = { type: 'observation', text: `Imported fact ${Date.now()}`, metadata: { importance: 'low' } };
      await fs.writeFile(mixed.fsPath, JSON.stringify([good, { type: 'nonsense', text: 'x' }]));
      assert.deepEqual(await vscode.commands.executeCommand('jarvis.memory.import', mixed), { imported: 1, skipped: 1, failed: 0 });
      assert.match(await ask(api, `/recall ${good.text}`), new RegExp(good.text));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
