/**
 * The labelled quality set (data/quality/*.jsonl) and the arithmetic both the tuner and the bench
 * use: per-rule severities of each record (computed once, with every weight at 1), and the verdicts
 * a given set of weights gives them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JarvisError } from '../../src/common/errors';
import { QualityGate, type GateWeights } from '../../src/core/routing/quality/QualityGate';
import { RULE_NAMES, type RuleName } from '../../src/core/routing/quality/QualityRule';
import type { LanguageContext } from '../../src/core/routing/quality/requestedLanguage';

export interface QualityRecord {
  id: string;
  question: string;
  answer: string;
  label: 'good' | 'bad';
  kind?: string;
  shape?: string;
  lang: string;
  requested: string | null;
  context?: LanguageContext;
  finishReason?: 'stop' | 'length';
}

export const DATA_DIR = path.resolve(__dirname, '../../../data/quality');

export function readSplit(split: string): QualityRecord[] {
  const file = path.join(DATA_DIR, `${split}.jsonl`);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const r = JSON.parse(line) as QualityRecord;
      if (typeof r.question !== 'string' || typeof r.answer !== 'string' || (r.label !== 'good' && r.label !== 'bad')) {
        throw new JarvisError('invalid-input', `${file}:${i + 1}: a record needs question, answer and label good|bad.`);
      }
      return r;
    });
}

/**
 * The dev part of a training file: every record whose number is a multiple of 4 (t-004, t-008… in
 * train.jsonl; h2en-004, h2de-008… in train-2.jsonl), a quarter of it, spread over the file's kinds and
 * languages. The tuner fits on the rest and reports dev as its own out-of-sample check; the held-out
 * files stay unread.
 */
export function isDev(r: QualityRecord): boolean {
  const n = /^(?:t|h2[a-z]{2})-(\d+)$/.exec(r.id)?.[1];
  return n !== undefined && Number(n) % 4 === 0;
}

/**
 * The files the tuner reads: train.jsonl, and train-2.jsonl (written blind as heldout-2, measured once at
 * 0249211 in session 20, tuned on since session 21).
 */
export const TRAINING_FILES = ['train', 'train-2'] as const;

export function trainSplits(file: (typeof TRAINING_FILES)[number] = 'train'): { fit: QualityRecord[]; dev: QualityRecord[] } {
  const all = readSplit(file);
  return { fit: all.filter((r) => !isDev(r)), dev: all.filter(isDev) };
}

/** Every training file's fit and dev parts together. */
export function allTrainSplits(): { fit: QualityRecord[]; dev: QualityRecord[] } {
  const parts = TRAINING_FILES.map((f) => trainSplits(f));
  return { fit: parts.flatMap((p) => p.fit), dev: parts.flatMap((p) => p.dev) };
}

/**
 * The blind split: the newest data/quality/heldout-N.jsonl (N ≥ 2) present, or the one named by
 * JARVIS_QUALITY_BLIND. Each is written by others, copied in after the gate froze, and measured once.
 */
export function blindSplitName(files: readonly string[] = fs.readdirSync(DATA_DIR), override = process.env.JARVIS_QUALITY_BLIND): string | undefined {
  if (override) return override;
  const numbers = files.map((f) => /^heldout-(\d+)\.jsonl$/.exec(f)?.[1]).filter((n): n is string => n !== undefined && Number(n) >= 2);
  const newest = Math.max(...numbers.map(Number));
  return numbers.length > 0 ? `heldout-${newest}` : undefined;
}

export type Severities = Record<RuleName, number>;

export const UNIT_WEIGHTS: GateWeights = {
  threshold: 0.7,
  unsureMargin: 0.1,
  weights: Object.fromEntries(RULE_NAMES.map((n) => [n, 1])) as Record<RuleName, number>,
};

/** Each rule's severity on each record (0 when the rule found nothing). */
export async function severities(gate: QualityGate, records: QualityRecord[]): Promise<Severities[]> {
  const out: Severities[] = [];
  for (const r of records) {
    const v = await gate.assess({ question: r.question, answer: r.answer, finishReason: r.finishReason, context: r.context });
    const s = Object.fromEntries(RULE_NAMES.map((n) => [n, 0])) as Severities;
    for (const f of v.findings) s[f.rule] = Math.max(s[f.rule], f.severity);
    out.push(s);
  }
  return out;
}

/** The gate's score for these severities: what QualityGate computes, without re-running the rules. */
export function scoreOf(s: Severities, w: GateWeights): number {
  const raw = 1 - RULE_NAMES.reduce((sum, n) => sum + w.weights[n] * s[n], 0);
  return Math.round(Math.max(0, Math.min(1, raw)) * 100) / 100;
}

export interface Rates {
  bad: number;
  caught: number;
  good: number;
  escalated: number;
}

export function rates(records: QualityRecord[], sev: Severities[], w: GateWeights, pick: (r: QualityRecord) => boolean = () => true): Rates {
  const out: Rates = { bad: 0, caught: 0, good: 0, escalated: 0 };
  records.forEach((r, i) => {
    if (!pick(r)) return;
    const escalate = scoreOf(sev[i], w) < w.threshold;
    if (r.label === 'bad') {
      out.bad++;
      if (escalate) out.caught++;
    } else {
      out.good++;
      if (escalate) out.escalated++;
    }
  });
  return out;
}

export const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
