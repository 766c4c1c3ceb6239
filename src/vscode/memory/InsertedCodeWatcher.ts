import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import { detectEditEvidence } from '../../core/memory/preferences/detectEditEvidence';
import type { EditEvidenceKind, PreferenceLearner } from '../../core/memory/preferences/PreferenceLearner';
import { mapRangeThroughChanges, type OffsetRange } from '../../core/memory/preferences/trackRange';
import type { InsertedCode } from '../chatView/InsertedCode';
import type { EditEvidenceLog } from '../../core/memory/preferences/EditEvidenceLog';

export interface InsertedCodeWatcherOptions {
  /** How long an insertion is watched. @default 10 minutes */
  watchMs?: number;
  /** Quiet time after the last change before the code is compared. @default 800 ms */
  settleMs?: number;
  /** Insertions watched at once (oldest dropped). @default 20 */
  maxTracked?: number;
  /** Where each piece of evidence is kept, so the preference review can show it. */
  evidenceLog?: EditEvidenceLog;
}

interface Tracked {
  uri: string;
  range: OffsetRange;
  original: string;
  languageId: string;
  until: number;
  /** Kinds already recorded for this insertion: one edit session is one piece of evidence per kind. */
  recorded: Set<EditEvidenceKind>;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Follows code Jarvis inserted through later edits; when the user restyles it (quotes, indentation,
 * semicolons, naming, language) that is evidence for a preference. Only in a trusted workspace and
 * while `jarvis.preferences.learning` is on.
 */
export class InsertedCodeWatcher implements vscode.Disposable {
  private tracked: Tracked[] = [];
  private readonly subscriptions: vscode.Disposable[];
  private readonly watchMs: number;
  private readonly settleMs: number;
  private readonly maxTracked: number;
  private readonly pending = new Set<Promise<void>>();
  private readonly evidenceLog: EditEvidenceLog | undefined;

  constructor(
    private readonly learner: PreferenceLearner,
    private readonly enabled: () => boolean,
    private readonly log: vscode.LogOutputChannel,
    options: InsertedCodeWatcherOptions = {},
  ) {
    this.watchMs = options.watchMs ?? 10 * 60_000;
    this.settleMs = options.settleMs ?? 800;
    this.maxTracked = options.maxTracked ?? 20;
    this.evidenceLog = options.evidenceLog;
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      // Changing a document's language mode reopens it with the new language id.
      vscode.workspace.onDidOpenTextDocument((d) => this.forUri(d.uri).forEach((t) => this.schedule(t, 0))),
    ];
  }

  /** Starts watching an insertion (the chat view fires InsertedCode after Insert at Cursor). */
  track(code: InsertedCode): void {
    if (!this.enabled()) return;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === code.document.toString());
    if (!doc || typeof code.text !== 'string' || code.text.trim() === '') return;
    this.expire();
    this.tracked.push({
      uri: doc.uri.toString(),
      range: { start: doc.offsetAt(code.range.start), end: doc.offsetAt(code.range.end) },
      original: code.text,
      languageId: code.languageId || doc.languageId,
      until: Date.now() + this.watchMs,
      recorded: new Set(),
    });
    while (this.tracked.length > this.maxTracked) this.drop(this.tracked[0]);
  }

  /** Compares every watched insertion now instead of waiting for the edits to settle (used by tests). */
  async flush(): Promise<void> {
    for (const t of this.tracked) {
      if (t.timer) clearTimeout(t.timer);
      t.timer = undefined;
      this.analyze(t);
    }
    await Promise.all([...this.pending]);
  }

  dispose(): void {
    for (const t of this.tracked) if (t.timer) clearTimeout(t.timer);
    this.tracked = [];
    for (const s of this.subscriptions) s.dispose();
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    for (const t of this.forUri(e.document.uri)) {
      t.range = mapRangeThroughChanges(t.range, e.contentChanges);
      this.schedule(t, this.settleMs);
    }
  }

  private forUri(uri: vscode.Uri): Tracked[] {
    this.expire();
    const key = uri.toString();
    return this.tracked.filter((t) => t.uri === key);
  }

  private schedule(t: Tracked, ms: number): void {
    if (t.timer) clearTimeout(t.timer);
    t.timer = setTimeout(() => {
      t.timer = undefined;
      this.analyze(t);
    }, ms);
  }

  private analyze(t: Tracked): void {
    if (!this.enabled()) return;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === t.uri);
    if (!doc || doc.isClosed) return;
    const text = doc.getText(new vscode.Range(doc.positionAt(t.range.start), doc.positionAt(t.range.end)));
    const evidence = detectEditEvidence({ text: t.original, languageId: t.languageId }, { text, languageId: doc.languageId }).filter(
      (e) => !t.recorded.has(e.kind),
    );
    if (evidence.length === 0) return;
    for (const e of evidence) t.recorded.add(e.kind);
    const file = vscode.workspace.asRelativePath(doc.uri, false);
    const work = (async () => {
      for (const e of evidence) {
        try {
          const p = await this.learner.recordEditEvidence({ ...e, file });
          await this.evidenceLog?.record(p.id, file, t.original, text);
          this.log.info(`Preferences: your edit in ${file} suggests ${e.kind} = ${e.value} (confidence now ${p.confidence.toFixed(2)}).`);
        } catch (err) {
          this.log.warn(`Preferences: could not learn from an edit: ${errorMessage(err)}`);
        }
      }
    })();
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private expire(): void {
    const now = Date.now();
    for (const t of this.tracked.filter((x) => x.until < now)) this.drop(t);
  }

  private drop(t: Tracked): void {
    if (t.timer) clearTimeout(t.timer);
    this.tracked = this.tracked.filter((x) => x !== t);
  }
}
