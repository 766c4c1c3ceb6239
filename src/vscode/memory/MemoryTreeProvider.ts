import * as vscode from 'vscode';
import { commandIds } from '../../core/commandIds';
import { errorMessage } from '../../common/errors';
import { formatAge, MEMORY_TYPE_LABELS, memorySnippet } from '../../core/memory/retrieval/describeMemory';
import type { MemoryService } from '../../core/memory/MemoryService';
import type { MemoryRecord } from '../../core/memory/store/MemoryRecord';
import { isPossiblyStale, readAnchor, staleReason } from '../../core/memory/anchors/memoryAnchor';
import { MEMORY_TYPES, type MemoryType } from '../../core/memory/store/MemoryType';

export type MemoryNode = { kind: 'type'; type: MemoryType; count: number } | { kind: 'memory'; record: MemoryRecord } | { kind: 'note'; text: string };

const TYPE_ICONS: Record<MemoryType, string> = {
  decision: 'law',
  action_item: 'checklist',
  preference: 'heart',
  error_pattern: 'bug',
  insight: 'lightbulb',
  observation: 'eye',
  meeting_summary: 'comment-discussion',
};

/** Search results are capped: the tree is for browsing, the chat's /recall for ranking. */
const SEARCH_LIMIT = 100;

/** The "Memory" view: memories grouped by type, optionally narrowed by a search. */
export class MemoryTreeProvider implements vscode.TreeDataProvider<MemoryNode> {
  static readonly viewId = 'jarvis.memoryView';
  private readonly changed = new vscode.EventEmitter<MemoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private query: string | undefined;
  private results: MemoryRecord[] | undefined;

  constructor(
    private readonly memory: MemoryService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get search(): string | undefined {
    return this.query;
  }

  refresh(): void {
    if (this.query !== undefined) {
      void this.setSearch(this.query);
      return;
    }
    this.changed.fire(undefined);
  }

  /** Narrows the tree to memories matching `query`; undefined shows everything again. */
  async setSearch(query: string | undefined): Promise<void> {
    this.query = query?.trim() || undefined;
    this.results = undefined;
    if (this.query !== undefined) {
      const store = await this.memory.store();
      this.results = (await store.search(this.query, { limit: SEARCH_LIMIT })).map((h) => h.record);
    }
    void vscode.commands.executeCommand('setContext', 'jarvis.memory.searching', this.query !== undefined);
    this.changed.fire(undefined);
  }

  getTreeItem(node: MemoryNode): vscode.TreeItem {
    if (node.kind === 'note') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.contextValue = 'jarvis.memoryNote';
      return item;
    }
    if (node.kind === 'type') {
      const label = MEMORY_TYPE_LABELS[node.type];
      const item = new vscode.TreeItem(`${label[0].toUpperCase()}${label.slice(1)}s`, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `type:${node.type}`;
      item.description = String(node.count);
      item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[node.type]);
      item.contextValue = 'jarvis.memoryType';
      return item;
    }
    const r = node.record;
    const item = new vscode.TreeItem(memorySnippet(r.text, 70), vscode.TreeItemCollapsibleState.None);
    item.id = r.id;
    item.description = formatAge(Date.now() - r.metadata.createdAt);
    item.tooltip = tooltip(r);
    item.contextValue = 'jarvis.memory';
    if (isPossiblyStale(r)) {
      // Its code was rewritten or deleted: marked, with Confirm and Delete one click away (inline actions).
      item.description = `possibly stale · ${item.description}`;
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      item.contextValue = 'jarvis.memory.stale';
    }
    item.command = { command: commandIds.memoryOpen, title: 'Open Memory', arguments: [node] };
    return item;
  }

  async getChildren(node?: MemoryNode): Promise<MemoryNode[]> {
    if (node?.kind === 'memory' || node?.kind === 'note') return [];
    if (!this.memory.enabled) return [{ kind: 'note', text: 'Memory is turned off (jarvis.memory.enabled).' }];
    let records: MemoryRecord[];
    try {
      records = this.results ?? (await this.memory.store()).list();
    } catch (e) {
      this.log.warn(`Memory view: ${errorMessage(e)}`);
      return [{ kind: 'note', text: `Memory could not be loaded: ${errorMessage(e)}` }];
    }
    if (!node) {
      // Empty and not searching: [] lets the view's welcome text (package.json viewsWelcome) explain what to do.
      if (records.length === 0) return this.query !== undefined ? [{ kind: 'note', text: `Nothing matches “${this.query}”.` }] : [];
      return MEMORY_TYPES.map((type) => ({ kind: 'type' as const, type, count: records.filter((r) => r.type === type).length })).filter((n) => n.count > 0);
    }
    return records.filter((r) => r.type === node.type).map((record) => ({ kind: 'memory' as const, record }));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function tooltip(r: MemoryRecord): vscode.MarkdownString {
  const m = r.metadata;
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${MEMORY_TYPE_LABELS[r.type]}** · ${m.importance} importance\n\n`);
  md.appendText(memorySnippet(r.text, 500));
  md.appendMarkdown('\n\n---\n\n');
  const facts = [
    `Created ${new Date(m.createdAt).toLocaleString()}`,
    m.updatedAt !== m.createdAt ? `Updated ${new Date(m.updatedAt).toLocaleString()}` : undefined,
    m.project ? `Project: ${m.project}` : undefined,
    m.user ? `User: ${m.user}` : undefined,
    m.sourceFile ? `From: ${m.sourceFile}${anchorLines(r)}${m.sourceCommit ? ` @ ${m.sourceCommit.slice(0, 8)}` : ''}` : undefined,
    isPossiblyStale(r) ? `Possibly stale: ${staleReason(r) ?? 'its code changed'}. Confirm it if it still holds, or delete it.` : undefined,
  ].filter((s): s is string => s !== undefined);
  md.appendText(facts.join('\n'));
  return md;
}

function anchorLines(r: MemoryRecord): string {
  const a = readAnchor(r);
  return a ? `:${a.startLine}${a.endLine !== a.startLine ? `-${a.endLine}` : ''}` : '';
}
