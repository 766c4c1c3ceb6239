import type { Clock } from '../../../common/Clock';
import { foldText, wordTokens } from '../../ml/hashText';
import type { KeyValueStore } from '../../ports';
import type { ComplexityLift } from './ComplexityClassifier';

export type FeedbackKind = 'cloud-reask' | 'quality-escalation';

/** What this workspace taught the router, for "Show Routing Status". */
export interface FeedbackSummary {
  cloudReasks: number;
  qualityEscalations: number;
  /** Words that currently lift requests towards the cloud, strongest first (at most 8). */
  topWords: Array<{ word: string; weight: number }>;
  /** Words remembered (bounded by maxWords). */
  words: number;
}

export interface ComplexityFeedbackOptions {
  /** Workspace-scoped storage (VS Code workspaceState): nothing here leaves the machine. */
  store: KeyValueStore;
  clock: Clock;
  /** Evidence loses half its weight in this many days. @default 14 */
  halfLifeDays?: number;
  /** Weight one piece of evidence adds to each of its words. @default 0.06 */
  step?: number;
  /** Most a request can be lifted by (added to P(≥ medium), P(≥ high), P(critical)). @default 0.25 */
  maxLift?: number;
  /** Words kept; the weakest are forgotten first. @default 300 */
  maxWords?: number;
}

interface Stored {
  v: 1;
  counts: Record<FeedbackKind, number>;
  /** word → [weight at `at`, at (epoch ms)]. */
  words: Record<string, [number, number]>;
}

const KEY = 'jarvis.routing.feedback';
const DAY_MS = 86_400_000;
// Words that say nothing about difficulty; without this list "the" would learn the most.
const STOP = new Set(
  'the a an and or of to in on for with is are be this that it my our we i you me do does how what why can could should would please fix make use from at by as not no yes was were de der die das und ein eine ist zu mit von el la los las y un una es en con para que le les et un une est pour avec dans du des il'.split(
    ' ',
  ),
);

/**
 * Per-workspace learning from this user's corrections. A /cloud re-ask after a local answer, or a local
 * answer the quality check escalated, is evidence the request was harder than it looked: each of its
 * content words gains a little weight. A new request is lifted by the (decayed) weight of the words it
 * shares with that evidence, bounded by maxLift, so one correction nudges similar requests up a tier
 * boundary without ever sending everything to the cloud. Bounded in size, decaying, resettable.
 */
export class ComplexityFeedback implements ComplexityLift {
  private readonly halfLife: number;
  private readonly step: number;
  private readonly maxLift: number;
  private readonly maxWords: number;
  private state: Stored;

  constructor(private readonly options: ComplexityFeedbackOptions) {
    this.halfLife = (options.halfLifeDays ?? 14) * DAY_MS;
    this.step = options.step ?? 0.06;
    this.maxLift = options.maxLift ?? 0.25;
    this.maxWords = options.maxWords ?? 300;
    this.state = readStored(options.store.get<unknown>(KEY));
  }

  record(prompt: string, kind: FeedbackKind): void {
    const now = this.options.clock.now();
    const words = contentWords(prompt);
    if (words.length === 0) return;
    this.state.counts[kind] = (this.state.counts[kind] ?? 0) + 1;
    for (const w of words) {
      const current = this.weightOf(w, now);
      this.state.words[w] = [Math.min(this.maxLift, current + this.step), now];
    }
    this.prune(now);
    void this.save();
  }

  liftFor(prose: string): { lift: number; reason?: string } {
    const now = this.options.clock.now();
    const words = contentWords(prose);
    let sum = 0;
    const hits: string[] = [];
    for (const w of words) {
      const v = this.weightOf(w, now);
      if (v > 0.005) {
        sum += v;
        hits.push(w);
      }
    }
    if (hits.length === 0) return { lift: 0 };
    // Averaged over the request's words, so a long prompt that shares one word is barely moved.
    const lift = Math.min(this.maxLift, (sum * hits.length) / Math.max(words.length, 1));
    if (lift < 0.01) return { lift: 0 };
    return {
      lift,
      reason: `learned in this workspace: +${lift.toFixed(2)} towards the cloud (similar requests were re-asked with /cloud or escalated: ${hits.slice(0, 4).join(', ')})`,
    };
  }

  summary(): FeedbackSummary {
    const now = this.options.clock.now();
    const topWords = Object.keys(this.state.words)
      .map((word) => ({ word, weight: Math.round(this.weightOf(word, now) * 1000) / 1000 }))
      .filter((w) => w.weight > 0.005)
      .sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
      .slice(0, 8);
    return {
      cloudReasks: this.state.counts['cloud-reask'] ?? 0,
      qualityEscalations: this.state.counts['quality-escalation'] ?? 0,
      topWords,
      words: Object.keys(this.state.words).length,
    };
  }

  async reset(): Promise<void> {
    this.state = empty();
    await this.save();
  }

  private weightOf(word: string, now: number): number {
    const e = this.state.words[word];
    if (!e) return 0;
    return e[0] * Math.pow(0.5, Math.max(0, now - e[1]) / this.halfLife);
  }

  private prune(now: number): void {
    const keys = Object.keys(this.state.words);
    if (keys.length <= this.maxWords) return;
    const weakest = keys.map((k) => [k, this.weightOf(k, now)] as const).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    for (const [k] of weakest.slice(0, keys.length - this.maxWords)) delete this.state.words[k];
  }

  private async save(): Promise<void> {
    await this.options.store.update(KEY, this.state);
  }
}

function contentWords(text: string): string[] {
  const clipped = text.length > 2048 ? text.slice(0, 2048) : text;
  const out = new Set<string>();
  for (const w of wordTokens(foldText(clipped))) {
    if (w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w)) out.add(w);
    if (out.size >= 40) break;
  }
  return [...out];
}

function empty(): Stored {
  return { v: 1, counts: { 'cloud-reask': 0, 'quality-escalation': 0 }, words: {} };
}

/** A stored state from an older or damaged version is dropped rather than trusted. */
function readStored(raw: unknown): Stored {
  const s = raw as Partial<Stored> | undefined;
  if (!s || s.v !== 1 || typeof s.words !== 'object' || s.words === null || typeof s.counts !== 'object') return empty();
  const words: Stored['words'] = {};
  for (const [k, v] of Object.entries(s.words)) {
    if (Array.isArray(v) && v.length === 2 && Number.isFinite(v[0]) && Number.isFinite(v[1])) words[k] = [Math.max(0, Math.min(1, v[0])), v[1]];
  }
  return {
    v: 1,
    counts: { 'cloud-reask': Number(s.counts?.['cloud-reask']) || 0, 'quality-escalation': Number(s.counts?.['quality-escalation']) || 0 },
    words,
  };
}
