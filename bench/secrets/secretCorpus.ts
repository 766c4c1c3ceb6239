import * as fs from 'node:fs';
import * as path from 'node:path';

/** One labelled sample of test/fixtures/secrets/labelled/*.jsonl (see its README). */
export interface CorpusSample {
  id: string;
  label: 'secret' | 'clean';
  /** The secret's kind (positives) or the look-alike's category (negatives). */
  kind: string;
  /** For positives: the secret value, or a part of it that must not survive redaction. */
  secret?: string;
  text: string;
  attachments?: Array<{ path?: string; content: string }>;
}

export const CORPUS_DIR = path.resolve(__dirname, '../../../test/fixtures/secrets/labelled');

/**
 * Training (the rules were tuned on these): `train` (generated with the first held-out split, before any
 * rule), `train-2` (written blind to the rules as the second held-out split, measured once, then its misses
 * were fixed: seen), `train-3` (written blind as the third held-out split, `heldout-3`, measured once after
 * session 11's rules froze: 85/100 caught, 6/66 clean flagged; tuned on in session 12: seen), `train-gaps`
 * (sessions 11 to 13's records for the families added then), `train-4` (written blind as the fourth held-out
 * split, `heldout-4`, measured once after session 12's rules froze: 75/100 caught, 8/70 clean flagged; tuned on
 * in session 13: seen), `train-5` (written blind as the fifth held-out split, `heldout-5`, measured once after
 * session 13's first freeze: 80/100 caught, 4/70 clean flagged; tuned on in session 13's second round: seen),
 * `train-6` (written blind as the sixth held-out split, `heldout-6`, measured once after session 13's second
 * freeze: 80/100 caught, 4/70 clean flagged; tuned on in session 14: seen), `train-7` (written blind as the
 * seventh held-out split, `heldout-7`, measured once after session 14's first freeze: 79/100 caught, 5/70 clean
 * flagged, and once more with the generic detector: 87/100, 6/70; tuned on in session 14's second round: seen),
 * `train-8` (written blind as the eighth held-out split, `heldout-8`, measured once after session 14's second
 * freeze at 62afd4d: 76/100 caught, 5/70 clean flagged; tuned on in session 16: seen), `train-9` and `train-10`
 * (written blind as the ninth and tenth held-out splits, `heldout-9` / `heldout-10`, measured once after session
 * 16's freeze at 7093271: 87/100 caught, 6/70 clean flagged, and 87/100, 3/70; tuned on in session 18: seen),
 * `train-11` (written blind as the eleventh held-out split, `heldout-11`, measured once after session 18's first
 * freeze at ea357a2: 86/100 caught, 7/70 clean flagged; tuned on in session 18, round 2: seen), `train-12` (written
 * blind as the twelfth held-out split, `heldout-12`, measured once after session 18's round-2 freeze at e86b197:
 * 93/100 caught, 2/70 clean flagged; tuned on in session 19: seen), `train-13` (written blind as the thirteenth
 * held-out split, `heldout-13`, measured once after session 19's freeze at 531f356: 94/100 caught, 1/70 clean flagged;
 * tuned on in session 19, round 2: seen), `train-14` (written blind as the fourteenth held-out split, `heldout-14`,
 * measured once after session 19's round-2 freeze at 16de5e1: 93/100 caught, 0/70 clean flagged; tuned on in
 * session 19, round 3: seen), `train-15` (written blind as the fifteenth held-out split, `heldout-15`, measured
 * once after session 19's round-3 freeze at 26d7f01: 90/100 caught, 1/70 clean flagged; tuned on in session 21: seen).
 * `heldout`: written by the rules' author together with `train`, before any rule, never tuned on; its
 * figures and its one miss were read in earlier sessions, so it is held out from tuning but not unseen.
 * `heldout-16`: written blind during session 21 while the value-shape lever was built, copied in and measured once after its freeze; optional (OPTIONAL_HELDOUT_SPLITS):
 * read only when its file is there, so nothing fails before it is copied in.
 */
export type CorpusSplit =
  | 'train'
  | 'train-2'
  | 'train-3'
  | 'train-4'
  | 'train-5'
  | 'train-6'
  | 'train-7'
  | 'train-8'
  | 'train-9'
  | 'train-10'
  | 'train-11'
  | 'train-12'
  | 'train-13'
  | 'train-14'
  | 'train-15'
  | 'train-gaps'
  | 'heldout'
  | 'heldout-16';
export const TRAINING_SPLITS = [
  'train',
  'train-2',
  'train-3',
  'train-4',
  'train-5',
  'train-6',
  'train-7',
  'train-8',
  'train-9',
  'train-10',
  'train-11',
  'train-12',
  'train-13',
  'train-14',
  'train-15',
  'train-gaps',
] as const;
// Blind splits that may not be in the repository yet (one is being written while the rules are tuned): the
// newest present comes first, as the primary held-out split; an absent one is skipped, never an error.
export const OPTIONAL_HELDOUT_SPLITS = ['heldout-16'] as const;
/** The held-out splits present: the newest blind one (primary) first, then the first `heldout`. */
export const HELDOUT_SPLITS: readonly CorpusSplit[] = [...OPTIONAL_HELDOUT_SPLITS.filter((s) => fs.existsSync(splitFile(s))), 'heldout'];

function splitFile(split: CorpusSplit): string {
  return path.join(CORPUS_DIR, `${split}.jsonl`);
}

export function readCorpus(split: CorpusSplit): CorpusSample[] {
  return readSamples(splitFile(split));
}

/** Reads a JSON-lines file of corpus samples, refusing a line that is not one. */
export function readSamples(file: string): CorpusSample[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const s = JSON.parse(l) as CorpusSample;
      if ((s.label !== 'secret' && s.label !== 'clean') || typeof s.text !== 'string' || typeof s.kind !== 'string') {
        throw new Error(`${file} line ${i + 1}: not a corpus sample`);
      }
      return s;
    });
}

/** What a detector answers for one sample: was anything flagged, and the texts after redaction. */
export interface DetectorResult {
  flagged: boolean;
  redacted: string[];
}

export type Detector = (sample: CorpusSample) => Promise<DetectorResult>;

export interface KindFigures {
  kind: string;
  label: 'secret' | 'clean';
  n: number;
  flagged: number;
  /** Positives whose secret no longer occurs anywhere after redaction. */
  redactedFully: number;
  missedIds: string[];
}

export async function evaluate(samples: CorpusSample[], detect: Detector): Promise<KindFigures[]> {
  const byKind = new Map<string, KindFigures>();
  for (const s of samples) {
    const key = `${s.label}:${s.kind}`;
    const f = byKind.get(key) ?? { kind: s.kind, label: s.label, n: 0, flagged: 0, redactedFully: 0, missedIds: [] };
    byKind.set(key, f);
    const r = await detect(s);
    f.n++;
    const wrong = s.label === 'secret' ? !r.flagged : r.flagged;
    if (r.flagged) f.flagged++;
    if (wrong) f.missedIds.push(s.id);
    if (s.label === 'secret' && s.secret && !r.redacted.some((t) => t.includes(s.secret as string))) f.redactedFully++;
  }
  return [...byKind.values()].sort((a, b) => (a.label === b.label ? a.kind.localeCompare(b.kind) : a.label === 'secret' ? -1 : 1));
}

export function totals(figures: KindFigures[], label: 'secret' | 'clean'): { n: number; flagged: number; redactedFully: number } {
  const rows = figures.filter((f) => f.label === label);
  return {
    n: rows.reduce((a, f) => a + f.n, 0),
    flagged: rows.reduce((a, f) => a + f.flagged, 0),
    redactedFully: rows.reduce((a, f) => a + f.redactedFully, 0),
  };
}

export const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
