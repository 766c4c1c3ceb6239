import * as vscode from 'vscode';
import type { Clock } from '../../common/Clock';
import { errorMessage } from '../../common/errors';
import { assessAnchor } from '../../core/memory/anchors/assessAnchor';
import { anchorBasis, isPossiblyStale, readAnchor, withStaleness } from '../../core/memory/anchors/memoryAnchor';
import type { MemoryRecord } from '../../core/memory/store/MemoryRecord';
import type { VectorMemoryStore } from '../../core/memory/store/VectorMemoryStore';

export interface StaleMemoryWatcherOptions {
  /** Quiet time after the last change to a file before its memories are checked. @default 1500 ms */
  settleMs?: number;
}

/**
 * Keeps memories remembered from a selection true to the code: when their file changes (or is
 * deleted), each one is compared with the code at its lines. Moved code is re-anchored; rewritten
 * or deleted code flags the memory "possibly stale" (ranked lower, marked in the Memory view) until
 * the user confirms or forgets it. Only memories of an already open store are checked: an edit
 * never opens the memory index.
 */
export class StaleMemoryWatcher implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly settleMs: number;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly store: () => VectorMemoryStore | undefined,
    private readonly onChanged: () => void,
    private readonly clock: Clock,
    private readonly log: vscode.LogOutputChannel,
    options: StaleMemoryWatcherOptions = {},
  ) {
    this.settleMs = options.settleMs ?? 1_500;
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.schedule(e.document.uri)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((f) => this.schedule(f, 0))),
    ];
  }

  /** Checks every anchored memory of `uri`'s file now (tests; and after a confirm). */
  async check(uri: vscode.Uri): Promise<number> {
    const store = this.store();
    if (!store || uri.scheme !== 'file') return 0;
    const file = vscode.workspace.asRelativePath(uri, false);
    const anchored = store.list().filter((r) => readAnchor(r)?.file === file);
    if (anchored.length === 0) return 0;
    const text = await this.read(uri);
    let flagged = 0;
    for (const r of anchored) {
      const anchor = readAnchor(r)!;
      const a = assessAnchor(anchorBasis(r), text, anchor);
      let tags;
      if (a.state === 'stale') {
        if (isPossiblyStale(r)) continue;
        tags = withStaleness(r.metadata.tags, a.reason, this.clock.now());
        flagged++;
        this.log.info(`Memory "${r.text.slice(0, 40)}…" may be stale: ${a.reason} (${file}).`);
      } else if (isPossiblyStale(r) && a.state === 'fresh') {
        // Undone: the code reads as remembered again.
        tags = withStaleness(r.metadata.tags, undefined, this.clock.now(), a.span);
      } else if (!isPossiblyStale(r) && (a.span.startLine !== anchor.startLine || a.span.endLine !== anchor.endLine)) {
        tags = withStaleness(r.metadata.tags, undefined, this.clock.now(), a.span);
      } else continue;
      await this.update(store, r, tags);
    }
    this.onChanged();
    return flagged;
  }

  /** The user says the memory still holds: clear the flag and take the current code as its basis. */
  async confirm(record: MemoryRecord): Promise<void> {
    const store = this.store();
    const anchor = readAnchor(record);
    if (!store || !anchor) return;
    const folder = vscode.workspace.workspaceFolders?.[0];
    const text = folder ? await this.read(vscode.Uri.joinPath(folder.uri, anchor.file)) : undefined;
    const lines = text
      ?.split('\n')
      .slice(anchor.startLine - 1, anchor.endLine)
      .join('\n');
    await this.update(store, record, withStaleness(record.metadata.tags, undefined, this.clock.now(), undefined, lines));
    this.onChanged();
  }

  /** Waits for checks in flight (tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
  }

  private schedule(uri: vscode.Uri, ms = this.settleMs): void {
    if (uri.scheme !== 'file' || !this.store()) return;
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const work = this.check(uri).catch((e: unknown) => this.log.warn(`Could not check memories of ${uri.fsPath}: ${errorMessage(e)}`));
        this.pending.add(work);
        void work.finally(() => this.pending.delete(work));
      }, ms),
    );
  }

  /** The open document's text (unsaved edits count), else the file's; undefined when it is gone. */
  private async read(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open && !open.isClosed) return open.getText().replace(/\r\n/g, '\n');
    return vscode.workspace.fs.readFile(uri).then(
      (b) => new TextDecoder().decode(b).replace(/\r\n/g, '\n'),
      () => undefined,
    );
  }

  private async update(store: VectorMemoryStore, r: MemoryRecord, tags: NonNullable<MemoryRecord['metadata']['tags']>): Promise<void> {
    await store.update(r.id, { metadata: { tags } });
  }
}
