import * as vscode from 'vscode';
import type { CodeTarget } from '../../core/editor/CodeTarget';
import { planTests } from '../../core/editor/detectTestFramework';
import { extractImports } from '../../core/editor/extractImports';
import { findEnclosingSymbol, type SymbolNode } from '../../core/editor/findEnclosingSymbol';

/** A document's symbols are asked for with this limit: a language server that hangs must not block the command. */
const SYMBOL_TIMEOUT_MS = 3_000;
/** An enclosing symbol larger than this is context enough by name; its code is not sent. */
const MAX_CONTEXT_CHARS = 12_000;

export interface GatheredTarget {
  target: CodeTarget;
  /** The document range the code occupies (what a proposal replaces). */
  range: vscode.Range;
}

/**
 * What an editor command acts on: the selection (widened to whole lines when it spans lines, so a
 * replacement keeps its indentation), else the innermost function/class around the cursor from the
 * document symbol provider, else the whole file. With its language, imports and enclosing symbol.
 */
export async function gatherCodeTarget(editor: vscode.TextEditor, range?: vscode.Range, options: { aroundLines?: number } = {}): Promise<GatheredTarget> {
  const doc = editor.document;
  const file = relativeName(doc.uri);
  const symbols = await documentSymbols(doc);
  const text = doc.getText();
  const imports = extractImports(text, doc.languageId);
  let chosen = range ?? editor.selection;
  let source: CodeTarget['source'] = 'selection';
  const offsets = { start: doc.offsetAt(chosen.start), end: doc.offsetAt(chosen.end) };
  const enclosingNode = findEnclosingSymbol(symbols, offsets, text);
  if (chosen.isEmpty) {
    if (enclosingNode) {
      chosen = new vscode.Range(doc.positionAt(enclosingNode.range.start), doc.positionAt(enclosingNode.range.end));
      source = 'symbol';
    } else if (options.aroundLines !== undefined) {
      // A quick fix outside any function: the lines around the problem, not the whole file.
      const n = options.aroundLines;
      chosen = doc.validateRange(new vscode.Range(Math.max(0, chosen.start.line - n), 0, chosen.end.line + n, Number.MAX_SAFE_INTEGER));
    } else {
      chosen = doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0));
      source = 'file';
    }
  }
  if (chosen.start.line !== chosen.end.line) chosen = wholeLines(doc, chosen);
  const code = doc.getText(chosen);
  const enclosingCode = enclosingNode ? text.slice(enclosingNode.range.start, enclosingNode.range.end) : undefined;
  const target: CodeTarget = {
    file,
    languageId: doc.languageId,
    code,
    startLine: chosen.start.line + 1,
    endLine: chosen.end.line + 1,
    source,
    imports,
    ...(enclosingNode
      ? {
          enclosing: {
            name: enclosingNode.name,
            kind: enclosingNode.kind,
            ...(enclosingCode && enclosingCode.length <= MAX_CONTEXT_CHARS ? { code: enclosingCode } : {}),
          },
        }
      : {}),
  };
  return { target, range: chosen };
}

/** Problems VS Code reports in (or touching) the range, for Fix. */
export function diagnosticsIn(doc: vscode.TextDocument, range: vscode.Range, only?: readonly vscode.Diagnostic[]): CodeTarget['diagnostics'] {
  const all = only ?? vscode.languages.getDiagnostics(doc.uri).filter((d) => d.range.intersection(range) !== undefined);
  return all.slice(0, 20).map((d) => ({
    message: d.message,
    line: d.range.start.line + 1,
    ...(d.source ? { source: d.source } : {}),
    ...(d.code !== undefined ? { code: String(typeof d.code === 'object' ? d.code.value : d.code) } : {}),
  }));
}

/** The test framework and the test file next to the source, with the file's content if it exists. */
export async function gatherTestPlan(doc: vscode.TextDocument): Promise<{ framework: string; uri: vscode.Uri; existing?: string; file: string }> {
  const dir = vscode.Uri.joinPath(doc.uri, '..');
  const siblings =
    doc.uri.scheme === 'file'
      ? await vscode.workspace.fs.readDirectory(dir).then(
          (e) => e.map(([n]) => n),
          () => [],
        )
      : [];
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  const read = async (uri: vscode.Uri) =>
    vscode.workspace.fs.readFile(uri).then(
      (b) => new TextDecoder().decode(b),
      () => undefined,
    );
  const packageJson = await nearest(dir, folder?.uri, 'package.json', read);
  const pythonConfig = folder
    ? (await Promise.all(['pyproject.toml', 'setup.cfg', 'requirements.txt', 'requirements-dev.txt'].map((n) => read(vscode.Uri.joinPath(folder.uri, n)))))
        .filter(Boolean)
        .join('\n')
    : '';
  const sourcePath = relativeName(doc.uri);
  const plan = planTests({ languageId: doc.languageId, sourcePath, siblings, ...(packageJson ? { packageJson } : {}), pythonConfig });
  const name = plan.testPath.slice(plan.testPath.lastIndexOf('/') + 1);
  const uri = plan.testPath === sourcePath ? doc.uri : vscode.Uri.joinPath(dir, name);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const existing = open ? open.getText() : await read(uri);
  return { framework: plan.framework, uri, file: plan.testPath, ...(existing !== undefined ? { existing } : {}) };
}

/** The nearest `name` from `dir` up to the workspace folder (or a few levels, outside any folder). */
async function nearest(
  dir: vscode.Uri,
  root: vscode.Uri | undefined,
  name: string,
  read: (u: vscode.Uri) => Promise<string | undefined>,
): Promise<string | undefined> {
  if (dir.scheme !== 'file') return undefined;
  let at = dir;
  for (let i = 0; i < (root ? 20 : 4); i++) {
    const found = await read(vscode.Uri.joinPath(at, name));
    if (found !== undefined) return found;
    if (at.path === '/' || (root && (at.path === root.path || at.path.length <= root.path.length))) return undefined;
    at = vscode.Uri.joinPath(at, '..');
  }
  return undefined;
}

export function relativeName(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri, false) : uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

function wholeLines(doc: vscode.TextDocument, r: vscode.Range): vscode.Range {
  // A selection ending at column 0 of a line does not include that line.
  const endLine = r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
  return new vscode.Range(r.start.line, 0, endLine, doc.lineAt(endLine).text.length);
}

async function documentSymbols(doc: vscode.TextDocument): Promise<SymbolNode[]> {
  const ask = Promise.resolve(
    vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri),
  ).catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SYMBOL_TIMEOUT_MS)));
  const found = await Promise.race([ask, timeout]);
  clearTimeout(timer);
  return (found ?? []).map((s) => toNode(doc, s));
}

function toNode(doc: vscode.TextDocument, s: vscode.DocumentSymbol | vscode.SymbolInformation): SymbolNode {
  const range = 'location' in s ? s.location.range : s.range;
  return {
    name: s.name,
    kind: vscode.SymbolKind[s.kind].toLowerCase(),
    range: { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) },
    children: 'children' in s ? s.children.map((c) => toNode(doc, c)) : [],
  };
}
