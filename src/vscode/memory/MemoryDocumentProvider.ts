import * as vscode from 'vscode';
import { MEMORY_TYPE_LABELS } from '../../core/memory/retrieval/describeMemory';
import type { MemoryRecord } from '../../core/memory/store/MemoryRecord';

export const MEMORY_SCHEME = 'jarvis-memory';

export function memoryUri(record: MemoryRecord): vscode.Uri {
  return vscode.Uri.from({ scheme: MEMORY_SCHEME, path: `/${record.id}.md` });
}

/**
 * Shows a memory as a read-only Markdown document: a virtual document scheme cannot be saved or
 * edited, so opening a memory never creates a stray untitled file.
 */
export class MemoryDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly lookup: (id: string) => MemoryRecord | undefined) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const r = this.lookup(id);
    return r ? renderMemoryMarkdown(r) : `# Memory not found\n\nThis memory (${id}) was deleted or has not been loaded.\n`;
  }
}

export function renderMemoryMarkdown(r: MemoryRecord): string {
  const m = r.metadata;
  const rows: [string, string | undefined][] = [
    ['Type', MEMORY_TYPE_LABELS[r.type]],
    ['Importance', m.importance],
    ['Project', m.project],
    ['User', m.user],
    ['Source file', m.sourceFile],
    ['Source commit', m.sourceCommit],
    ['Created', new Date(m.createdAt).toLocaleString()],
    ['Updated', new Date(m.updatedAt).toLocaleString()],
    ...Object.entries(m.tags ?? {}).map(([k, v]): [string, string] => [`Tag ${k}`, String(v)]),
    ['Id', r.id],
  ];
  const table = rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `| ${k} | ${escapeCell(v!)} |`);
  return `# ${MEMORY_TYPE_LABELS[r.type][0].toUpperCase()}${MEMORY_TYPE_LABELS[r.type].slice(1)}\n\n${r.text}\n\n| | |\n|---|---|\n${table.join('\n')}\n`;
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
