import type { ProviderId } from '../types';

/** The two byte-pair encodings OpenAI's current and previous models use (gpt-tokenizer ships both). */
export type Encoding = 'o200k_base' | 'cl100k_base';

/**
 * Which tokenizer counts for a model, and whether it is that model's own. OpenAI's models are
 * counted exactly; Claude 3+ and the many GGUF models behind Ollama have no maintained JavaScript
 * tokenizer, so o200k_base stands in (within about 15% on English and code, far closer than
 * characters / 4, and it never calls the network as Anthropic's count endpoint would).
 */
export function encodingFor(provider: ProviderId | 'auto', model: string): { encoding: Encoding; exact: boolean } {
  const m = model.toLowerCase();
  if (provider === 'openai') {
    if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-4o|gpt-oss)/.test(m)) return { encoding: 'o200k_base', exact: true };
    if (/^(gpt-4|gpt-3\.5)/.test(m)) return { encoding: 'cl100k_base', exact: true };
  }
  return { encoding: 'o200k_base', exact: false };
}

type Encoder = { countTokens(text: string): number };

/**
 * Counts tokens with gpt-tokenizer, loaded on the first count: its tables are large, and most
 * sessions never need them. The same text is counted many times by VS Code (every turn of history
 * on every request), so recent counts are remembered.
 */
export class TokenCounter {
  private readonly encoders = new Map<Encoding, Promise<Encoder>>();
  private readonly recent = new Map<string, number>();

  constructor(private readonly cacheSize = 2000) {}

  async count(provider: ProviderId | 'auto', model: string, text: string): Promise<number> {
    if (text === '') return 0;
    const { encoding } = encodingFor(provider, model);
    const key = `${encoding}\u0000${text}`;
    const known = this.recent.get(key);
    if (known !== undefined) return known;
    const n = (await this.encoder(encoding)).countTokens(text);
    if (text.length <= 100_000) {
      this.recent.set(key, n);
      if (this.recent.size > this.cacheSize) this.recent.delete(this.recent.keys().next().value as string);
    }
    return n;
  }

  private encoder(encoding: Encoding): Promise<Encoder> {
    let e = this.encoders.get(encoding);
    if (!e) {
      e = encoding === 'o200k_base' ? import('gpt-tokenizer/encoding/o200k_base') : import('gpt-tokenizer/encoding/cl100k_base');
      this.encoders.set(encoding, e);
    }
    return e;
  }
}
