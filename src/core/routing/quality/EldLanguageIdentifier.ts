import { Lazy } from '../../../common/Lazy';
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

/**
 * Natural-language identification with eld (Efficient Language Detector, n-gram based, 60
 * languages, no dependencies), its "small" database loaded on first use (1.6 MB, kept out of the
 * activation path in dist/vendor/).
 */
export class EldLanguageIdentifier implements LanguageIdentifier {
  private static readonly eld = new Lazy<Eld>(async () => (await import('eld/small')).eld);
  private constructor(private readonly eld: Eld) {}

  static async load(): Promise<EldLanguageIdentifier> {
    return new EldLanguageIdentifier(await EldLanguageIdentifier.eld.get());
  }

  identify(text: string): { language: string | undefined; reliable: boolean } {
    const r = this.eld.detect(eldInput(text));
    return { language: r.language || undefined, reliable: r.isReliable() };
  }
}
