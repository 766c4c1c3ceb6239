import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Lazy } from '../../../common/Lazy';
import { EldScorer, type EldDatabase } from './EldScorer';
import type { LanguageIdentifier } from './QualityRule';

type Eld = (typeof import('eld/small', { with: { 'resolution-mode': 'import' } }))['eld'];

/**
 * How much of a text eld 2 reads: `detect` takes the first 1000 characters, turns every run of
 * non-letters into a space, lower-cases, then collects words up to a 380-byte cut, so it never reads
 * more than 381 UTF-16 units of that normalised text.
 */
const ELD_WINDOW = 1000;
/** Letters after which nothing later can change what eld reads (each ASCII letter stays one unit). */
const ENOUGH_LETTERS = 400;

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * The part of `text` eld's result depends on. Cut between two ASCII letters once 400 letters have
 * passed, the normalised text is a prefix of the whole text's (no run of separators is cut, no
 * letter's lower case depends on what follows it) and still longer than what eld reads; eld's
 * separator pass, the costly part on a long answer, then runs on less than half the text.
 */
export function eldInput(text: string): string {
  const t = text.length > ELD_WINDOW ? text.slice(0, ELD_WINDOW) : text;
  let letters = 0;
  for (let i = 0; i < t.length - 1; i++) {
    if (!isAsciiLetter(t.charCodeAt(i))) continue;
    if (++letters >= ENOUGH_LETTERS && isAsciiLetter(t.charCodeAt(i + 1))) return t.slice(0, i + 1);
  }
  return t;
}

/** eld's source files holding what its `detect` reads, relative to its `src/` folder. */
const DATABASE_FILES: ReadonlyArray<[keyof EldDatabase, string]> = [
  ['ngramsData', 'ngrams/small.js'],
  ['separators', 'regexPatterns.js'],
  ['dictionary', 'dictionary.js'],
  ['avgScore', 'avgScore.js'],
];

/**
 * The small database's parts (see EldDatabase). The extension bundle's vendor file exports them beside
 * `eld` (esbuild.shared.mjs); run from node_modules (tests, benches) they are imported from eld's
 * source folder, found as Node finds the package (its exports map lists only its entry files).
 */
export async function loadEldDatabase(vendored: Partial<EldDatabase>): Promise<EldDatabase | undefined> {
  if (DATABASE_FILES.every(([name]) => vendored[name] !== undefined)) return vendored as EldDatabase;
  const dir = (require.resolve.paths('eld') ?? []).map((p) => path.join(p, 'eld', 'src')).find((d) => fs.existsSync(path.join(d, 'ngrams', 'small.js')));
  if (!dir) return undefined;
  const parts = await Promise.all(
    DATABASE_FILES.map(async ([name, file]) => [name, ((await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>)[name]] as const),
  );
  return Object.fromEntries(parts) as unknown as EldDatabase;
}

/**
 * Natural-language identification with eld (Efficient Language Detector, n-gram based, 60
 * languages, no dependencies), its "small" database loaded on first use (1.6 MB, kept out of the
 * activation path in dist/vendor/). Detection runs through EldScorer, eld's own steps over typed
 * arrays (same results, a fraction of the time); eld's `detect` when its database cannot be read so.
 */
export class EldLanguageIdentifier implements LanguageIdentifier {
  private static readonly loaded = new Lazy<{ eld: Eld; scorer: EldScorer | undefined }>(async () => {
    const module = (await import('eld/small')) as { eld: Eld } & Partial<EldDatabase>;
    const db = await loadEldDatabase(module).catch(() => undefined);
    return { eld: module.eld, scorer: db ? EldScorer.from(db) : undefined };
  });
  private constructor(
    private readonly eld: Eld,
    private readonly scorer: EldScorer | undefined,
  ) {}

  static async load(): Promise<EldLanguageIdentifier> {
    const { eld, scorer } = await EldLanguageIdentifier.loaded.get();
    return new EldLanguageIdentifier(eld, scorer);
  }

  /** True when detection runs through EldScorer (false: eld's own detect). */
  get fast(): boolean {
    return this.scorer !== undefined;
  }

  identify(text: string): { language: string | undefined; reliable: boolean } {
    const input = eldInput(text);
    if (this.scorer) return this.scorer.detect(input);
    const r = this.eld.detect(input);
    return { language: r.language || undefined, reliable: r.isReliable() };
  }

  /** eld's own detect on the same input (the plain form the tests compare EldScorer with). */
  identifyWithEld(text: string): { language: string | undefined; reliable: boolean } {
    const r = this.eld.detect(eldInput(text));
    return { language: r.language || undefined, reliable: r.isReliable() };
  }
}
