import { Lazy } from '../../../common/Lazy';
import type { LanguageIdentifier } from './QualityRule';

type Eld = (typeof import('eld/small', { with: { 'resolution-mode': 'import' } }))['eld'];

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
    const r = this.eld.detect(text.slice(0, 2000));
    return { language: r.language || undefined, reliable: r.isReliable() };
  }
}
