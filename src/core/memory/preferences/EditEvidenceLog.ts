import type { Clock } from '../../../common/Clock';
import type { KeyValueStore } from '../../ports';

/** One observed edit behind a preference: what Jarvis wrote and what the user made of it. */
export interface EditExample {
  at: number;
  /** Workspace-relative file. */
  file: string;
  /** The first line that differs, as Jarvis wrote it and as the user left it (cut to ~80 characters). */
  before: string;
  after: string;
}

const KEY = 'jarvis.memory.editEvidence';
/** Examples kept per preference: enough to show why, not a history of every keystroke. */
const KEEP = 5;
const SNIPPET = 80;

/**
 * The evidence Review Learned Preferences shows next to a preference learned from edits ("you
 * changed `var x` to `const x` in src/a.ts"). Stored per workspace beside the preferences.
 */
export class EditEvidenceLog {
  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
  ) {}

  examples(preferenceId: string): EditExample[] {
    return this.all()[preferenceId] ?? [];
  }

  async record(preferenceId: string, file: string, inserted: string, edited: string): Promise<void> {
    const example = { at: this.clock.now(), file, ...firstDifference(inserted, edited) };
    const all = this.all();
    all[preferenceId] = [example, ...(all[preferenceId] ?? [])].slice(0, KEEP);
    await this.store.update(KEY, all);
  }

  private all(): Record<string, EditExample[]> {
    const v = this.store.get<unknown>(KEY);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    const out: Record<string, EditExample[]> = {};
    for (const [k, list] of Object.entries(v as Record<string, unknown>)) {
      if (Array.isArray(list)) out[k] = list.filter(isExample);
    }
    return out;
  }
}

/** The first line pair that differs (ignoring trailing whitespace), each trimmed and cut. */
export function firstDifference(before: string, after: string): { before: string; after: string } {
  const a = before.split('\n');
  const b = after.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = (a[i] ?? '').trimEnd();
    const y = (b[i] ?? '').trimEnd();
    // Indentation is a difference too: show it as the line's leading whitespace made visible.
    if (x !== y) return { before: cut(visibleIndent(x)), after: cut(visibleIndent(y)) };
  }
  return { before: '', after: '' };
}

function visibleIndent(line: string): string {
  const m = /^[ \t]+/.exec(line);
  return m ? `${m[0].replace(/\t/g, '→').replace(/ /g, '·')}${line.slice(m[0].length)}` : line;
}

function cut(s: string): string {
  return s.length > SNIPPET ? `${s.slice(0, SNIPPET - 1)}…` : s;
}

function isExample(v: unknown): v is EditExample {
  const e = v as Partial<EditExample>;
  return typeof e?.at === 'number' && typeof e.file === 'string' && typeof e.before === 'string' && typeof e.after === 'string';
}
