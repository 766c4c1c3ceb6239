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
 * The dev split, carved from the training file: every record whose number is a multiple of 4
 * (t-004, t-008…), a quarter of it, spread over the file's kinds and languages. The tuner fits on
 * the rest and reports dev as its own out-of-sample check; the held-out file stays unread.
 */
export function isDev(r: QualityRecord): boolean {
  const n = /^t-(\d+)$/.exec(r.id)?.[1];
  return n !== undefined && Number(n) % 4 === 0;
}

export function trainSplits(): { fit: QualityRecord[]; dev: QualityRecord[] } {
  const all = readSplit('train');
  return { fit: all.filter((r) => !isDev(r)), dev: all.filter(isDev) };
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
