import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateJarvis } from './jarvisApi';

/** The parts of activate()'s test API these tests use (src/extension.ts `JarvisTestApi`). */
interface EditorTestApi {
  editor: { proposal(id: string): { state: string; code: string; target: string } | undefined };
  memory: {
    flushEdits(): Promise<void>;
    preferences(): { id: string; value: string; confidence: number; evidenceCount: number }[];
    checkStaleness(uri: vscode.Uri): Promise<number>;
    memory(id: string): { metadata: { tags?: Record<string, unknown> } } | undefined;
    evidence(id: string): { file: string; before: string; after: string }[];
  };
}

type RunResult = { proposal: string } | { failed: string };

/** A comment the fake Ollama server reads: it answers exactly `reply`. */
function script(reply: string): string {
  return `// [[reply-b64:${Buffer.from(reply, 'utf8').toString('base64')}]]`;
}

const fenced = (code: string) => `\`\`\`javascript\n${code}\n\`\`\`\n\nSimplified it.`;

/** Where openJs writes the snippets it opens; set by the suite's before(). */
let scratch = '';
let snippets = 0;

/**
 * Opens `content` (in a new file of its own) or `file` as the active editor. Not an untitled document:
 * VS Code reuses the name of a closed untitled document ("Untitled-1"), and on a loaded machine the
 * extension host can then hand back the earlier document, old text and all, for the new one.
 */
async function openJs(content: string, file?: string): Promise<vscode.TextEditor> {
  if (!file) {
    file = path.join(scratch, `snippet-${++snippets}.js`);
    await fs.writeFile(file, content);
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return focused(await vscode.window.showTextDocument(doc));
}

/**
 * Resolves once the extension host reports `editor`'s document as the active one. The commands act on
 * `window.activeTextEditor`; on a loaded machine that can still name the previous test's editor for a
 * moment after showTextDocument resolves, and a command run then works on the wrong code.
 */
async function focused(editor: vscode.TextEditor): Promise<vscode.TextEditor> {
  const isActive = () => vscode.window.activeTextEditor?.document === editor.document;
  if (isActive()) return vscode.window.activeTextEditor ?? editor;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(`${editor.document.uri.toString()} never became the active editor (active: ${vscode.window.activeTextEditor?.document.uri.toString()})`),
      );
    }, 10_000);
    const sub = vscode.window.onDidChangeActiveTextEditor(() => {
      if (!isActive()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
  return vscode.window.activeTextEditor ?? editor;
}

function selectAll(editor: vscode.TextEditor): void {
  const doc = editor.document;
  editor.selection = new vscode.Selection(0, 0, doc.lineCount - 1, doc.lineAt(doc.lineCount - 1).text.length);
}

async function refactor(editor: vscode.TextEditor): Promise<string> {
  await focused(await vscode.window.showTextDocument(editor.document));
  const r = await vscode.commands.executeCommand<RunResult>('jarvis.editor.refactor', { quiet: true });
  assert.ok(r && 'proposal' in r, `Refactor proposed nothing: ${JSON.stringify(r)}`);
  return r.proposal;
}

function proposalTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'jarvis-proposal');
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Editor commands on selected code (fake Ollama)', function () {
  // Each command is a full request (memory, routing, the fake model) in a busy 2-core machine's VS Code.
  this.timeout(120_000);
  let api: EditorTestApi;
  let tmp: string;

  before(async () => {
    api = (await activateJarvis()) as unknown as EditorTestApi;
    assert.ok(api.editor, 'activate() returned no `editor` test API.');
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-itest-editor-'));
    scratch = await fs.mkdtemp(path.join(tmp, 'snippets-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('Refactor streams a proposal into a diff; Apply writes it; one undo restores the original', async () => {
    const refactored = 'function add(a, b) {\n  return a + b;\n}';
    const original = `function add(a, b) {\n  ${script(fenced(refactored))}\n  var sum = a + b;\n  return sum;\n}`;
    const editor = await openJs(`${original}\n`);
    editor.selection = new vscode.Selection(0, 0, 4, 1);
    const id = await refactor(editor);
    assert.equal(api.editor.proposal(id)?.state, 'ready');
    assert.equal(proposalTabs().length, 1, 'the diff editor with the proposal is open');
    const result = await vscode.commands.executeCommand<{ applied: boolean; message: string }>('jarvis.editor.applyProposal', id);
    assert.equal(result.applied, true, result.message);
    assert.equal(editor.document.getText(), `${refactored}\n`);
    assert.equal(proposalTabs().length, 0, 'Apply closes the diff');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), `${original}\n`, 'one undo reverts the whole proposal');
    await closeAll();
  });

  it('Discard leaves the document unchanged and closes the diff', async () => {
    const original = `function twice(x) {\n  ${script(fenced('function twice(x) {\n  return 2 * x;\n}'))}\n  return x + x;\n}`;
    const editor = await openJs(original);
    selectAll(editor);
    const id = await refactor(editor);
    assert.equal(await vscode.commands.executeCommand('jarvis.editor.discardProposal', id), true);
    assert.equal(editor.document.getText(), original);
    assert.equal(proposalTabs().length, 0);
    assert.equal(api.editor.proposal(id)?.state, 'discarded');
    const late = await vscode.commands.executeCommand<{ applied: boolean; message: string }>('jarvis.editor.applyProposal', id);
    assert.equal(late.applied, false);
    assert.equal(editor.document.getText(), original);
    await closeAll();
  });

  it('never overwrites edits made to the code since the request; re-bases when only the rest moved', async () => {
    const body = `function half(x) {\n  ${script(fenced('function half(x) {\n  return x / 2;\n}'))}\n  return x * 0.5;\n}`;
    const editor = await openJs(`${body}\n`);
    selectAll(editor);
    const id = await refactor(editor);
    // The user changes the selected code itself while the proposal waits.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(2, 2), '/* mine */ ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const mine = editor.document.getText();
    const refused = await vscode.commands.executeCommand<{ applied: boolean; message: string }>('jarvis.editor.applyProposal', id);
    assert.equal(refused.applied, false);
    assert.match(refused.message, /overwrite your changes/);
    assert.equal(editor.document.getText(), mine, 'the user edit is kept, nothing applied');
    await vscode.commands.executeCommand('jarvis.editor.discardProposal', id);

    // Now only a line above the code changes: Apply writes at the code's new place.
    selectAll(editor);
    const id2 = await refactor(editor);
    const above = new vscode.WorkspaceEdit();
    above.insert(editor.document.uri, new vscode.Position(0, 0), '// added above\n');
    assert.ok(await vscode.workspace.applyEdit(above));
    const rebased = await vscode.commands.executeCommand<{ applied: boolean; message: string }>('jarvis.editor.applyProposal', id2);
    assert.equal(rebased.applied, true, rebased.message);
    assert.match(rebased.message, /changed since/);
    assert.equal(editor.document.getText(), '// added above\nfunction half(x) {\n  return x / 2;\n}\n');
    await closeAll();
  });

  it('reports an answer that is not code (or does not parse) and changes nothing', async () => {
    for (const reply of ['Honestly, this code already looks fine to me and I would not change it.', fenced('function broken( {\n  return;\n}')]) {
      const original = `function ok() {\n  ${script(reply)}\n  return 1;\n}`;
      const editor = await openJs(original);
      selectAll(editor);
      const r = await vscode.commands.executeCommand<RunResult>('jarvis.editor.refactor', { quiet: true });
      const proposed = r && 'proposal' in r ? api.editor.proposal(r.proposal) : undefined;
      assert.ok(r && 'failed' in r, `${JSON.stringify(r)} for the reply ${JSON.stringify(reply)}: proposed ${JSON.stringify(proposed)}`);
      assert.match(r.failed, /prose|does not parse/);
      assert.equal(editor.document.getText(), original);
      assert.equal(proposalTabs().length, 0);
      await closeAll();
    }
  });

  it('offers "Fix with Jarvis" for a diagnostic, and the fix applies', async () => {
    const file = path.join(tmp, 'fixme.js');
    const fixedCode = 'function total(items) {\n  return items.length;\n}';
    await fs.writeFile(file, `function total(items) {\n  ${script(fenced(fixedCode))}\n  return items.lenght;\n}\n`);
    const editor = await openJs('', file);
    const diagnostics = vscode.languages.createDiagnosticCollection('jarvis-itest');
    try {
      const range = new vscode.Range(2, 15, 2, 21);
      diagnostics.set(editor.document.uri, [
        new vscode.Diagnostic(range, "Property 'lenght' does not exist. Did you mean 'length'?", vscode.DiagnosticSeverity.Error),
      ]);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => a.title.startsWith('Fix with Jarvis'));
      assert.ok(fix?.command, `no Fix with Jarvis action among: ${actions.map((a) => a.title).join(', ')}`);
      const r = await vscode.commands.executeCommand<RunResult>(fix.command.command, ...(fix.command.arguments ?? []));
      assert.ok(r && 'proposal' in r, JSON.stringify(r));
      const applied = await vscode.commands.executeCommand<{ applied: boolean; message: string }>('jarvis.editor.applyProposal', r.proposal);
      assert.equal(applied.applied, true, applied.message);
      assert.equal(editor.document.getText(), `${fixedCode}\n`);
    } finally {
      diagnostics.dispose();
      await vscode.commands.executeCommand('workbench.action.files.save');
      await closeAll();
    }
  });

  it('Add Tests creates the test file next to the source, for the detected framework', async () => {
    const dir = path.join(tmp, 'proj');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'package.json'), JSON.stringify({ devDependencies: { mocha: '^11.0.0' } }));
    const testCode =
      "const assert = require('node:assert/strict');\nconst { inc } = require('./inc');\n\ndescribe('inc', () => {\n  it('adds one', () => assert.equal(inc(1), 2));\n});";
    await fs.writeFile(path.join(dir, 'inc.js'), `function inc(n) {\n  ${script(fenced(testCode))}\n  return n + 1;\n}\nmodule.exports = { inc };\n`);
    const editor = await openJs('', path.join(dir, 'inc.js'));
    editor.selection = new vscode.Selection(0, 0, 3, 1);
    const r = await vscode.commands.executeCommand<RunResult>('jarvis.editor.addTests', { quiet: true });
    assert.ok(r && 'proposal' in r, JSON.stringify(r));
    assert.match(api.editor.proposal(r.proposal)?.target ?? '', /inc\.test\.js$/);
    const applied = await vscode.commands.executeCommand<{ applied: boolean; message: string }>('jarvis.editor.applyProposal', r.proposal);
    assert.equal(applied.applied, true, applied.message);
    assert.equal(await fs.readFile(path.join(dir, 'inc.test.js'), 'utf8'), `${testCode}\n`);
    await closeAll();
  });

  it('learns from three edits to applied code: the quotes preference rises each time, with the evidence', async () => {
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      // A new file each time: a closed document may linger in VS Code and miss a rewrite on disk.
      const file = path.join(tmp, `quotes${i}.js`);
      const code = `function greet${i}() {\n  const a = "hello";\n  const b = "world";\n  return [a, b];\n}`;
      await fs.writeFile(file, `function greet${i}() {\n  ${script(fenced(code))}\n  return ['hello', 'world'];\n}\n`);
      const editor = await openJs('', file);
      selectAll(editor);
      const id = await refactor(editor);
      const applied = await vscode.commands.executeCommand<{ applied: boolean; message: string }>('jarvis.editor.applyProposal', id);
      assert.equal(applied.applied, true, applied.message);
      // The user turns Jarvis's double quotes into single ones.
      const doc = editor.document;
      const edit = new vscode.WorkspaceEdit();
      for (let line = 0; line < doc.lineCount; line++)
        for (const m of doc.lineAt(line).text.matchAll(/"/g)) edit.replace(doc.uri, new vscode.Range(line, m.index, line, m.index + 1), "'");
      assert.ok(await vscode.workspace.applyEdit(edit));
      await api.memory.flushEdits();
      const p = api.memory.preferences().find((x) => x.id === 'coding_style:quotes');
      assert.equal(p?.value, 'single', JSON.stringify(api.memory.preferences()));
      seen.push(p.confidence);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await closeAll();
    }
    assert.ok(seen[0] < seen[1] && seen[1] < seen[2], `confidence should rise with each edit: ${seen.join(' → ')}`);
    const evidence = api.memory.evidence('coding_style:quotes');
    assert.ok(evidence.length >= 3, JSON.stringify(evidence));
    assert.equal(evidence[0].before, '··const a = "hello";', 'indentation is shown visibly');
    assert.equal(evidence[0].after, "··const a = 'hello';");
    // The commands' own prompts ("Answer with ONE fenced block…") were not learned as preferences.
    assert.ok(!api.memory.preferences().some((p) => /Refactor the selected code|fenced/i.test(p.value)), JSON.stringify(api.memory.preferences()));
  });

  it('flags a remembered selection possibly stale once its code is rewritten, not after a small edit', async () => {
    const file = path.join(tmp, 'retry.js');
    const fn = 'function retry(times, attempt) {\n  for (let i = 0; i < times; i++) {\n    if (attempt(i)) return true;\n  }\n  return false;\n}';
    await fs.writeFile(file, `// helpers\n${fn}\n`);
    const editor = await openJs('', file);
    editor.selection = new vscode.Selection(1, 0, 6, 1);
    const id = await vscode.commands.executeCommand<string | undefined>('jarvis.rememberSelection', { type: 'insight' });
    assert.ok(id, 'Remember Selection stored nothing');
    const uri = editor.document.uri;
    const rename = new vscode.WorkspaceEdit();
    rename.replace(uri, new vscode.Range(3, 8, 3, 15), 'tryOnce');
    assert.ok(await vscode.workspace.applyEdit(rename));
    assert.equal(await api.memory.checkStaleness(uri), 0, 'a small edit keeps the memory');
    assert.notEqual(api.memory.memory(id)?.metadata.tags?.possiblyStale, true);
    const rewrite = new vscode.WorkspaceEdit();
    rewrite.replace(uri, new vscode.Range(1, 0, 6, 1), 'const retry = async (policy) => policy.execute(() => fetchEverything());');
    assert.ok(await vscode.workspace.applyEdit(rewrite));
    assert.equal(await api.memory.checkStaleness(uri), 1);
    const tags = api.memory.memory(id)?.metadata.tags ?? {};
    assert.equal(tags.possiblyStale, true, JSON.stringify(tags));
    assert.match(String(tags.staleReason), /rewritten|replaced/);
    await vscode.commands.executeCommand('workbench.action.files.save');
    await closeAll();
  });
});
