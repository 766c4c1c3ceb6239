import type { default as MiniSearchClass } from 'minisearch' with { 'resolution-mode': 'import' };
import { Lazy } from '../../../common/Lazy';
import { STOP_WORDS, tokenizeText } from '../embedders/tokenizeText';

// Loaded on the first keyword index only, never during activation (the store opens on first use).
// A literal require (not createRequire) so esbuild bundles it — the .vsix ships no node_modules — and
// still defers its evaluation to this call; it picks minisearch's CJS build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const miniSearch = new Lazy<typeof MiniSearchClass>(() => require('minisearch') as typeof MiniSearchClass);

export interface KeywordHit {
  id: string;
  /** BM25+ score from minisearch: comparable within one query only. */
  score: number;
}

/**
 * Query terms found in more than this share of memories are dropped (once there are enough
 * memories for the share to mean something): their BM25 weight is near zero, yet minisearch would
 * score every memory containing them — measured at ~0.5 s per query over 10k memories that all
 * share a word.
 */
const COMMON_TERM_SHARE = 0.2;
const COMMON_TERM_MIN_DOCS = 200;

function terms(text: string): string[] {
  return tokenizeText(text).filter((t) => !STOP_WORDS.has(t));
}

/**
 * The keyword half of hybrid search: BM25 over memory texts via minisearch, with the same
 * identifier-aware tokens as the offline embedder, so `parseUserConfig` is one exact term (plus its
 * parts). Exact names are where embeddings are weakest: they blur rare tokens into their neighbours.
 */
export class KeywordIndex {
  private constructor(private readonly mini: MiniSearchClass<{ id: string; text: string }>) {}

  /** Loads minisearch on first call. */
  static async create(): Promise<KeywordIndex> {
    const MiniSearch = await miniSearch.get();
    return new KeywordIndex(
      new MiniSearch<{ id: string; text: string }>({
        fields: ['text'],
        tokenize: (text) => tokenizeText(text),
        processTerm: (term) => (STOP_WORDS.has(term) ? null : term),
        searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
      }),
    );
  }

  /** Document frequency per term, kept beside minisearch (whose own counts are private). */
  private readonly df = new Map<string, number>();
  private readonly texts = new Map<string, string>();

  get size(): number {
    return this.mini.documentCount;
  }

  set(id: string, text: string): void {
    const old = this.texts.get(id);
    if (old === text) return;
    if (old !== undefined) this.delete(id);
    this.mini.add({ id, text });
    this.texts.set(id, text);
    for (const t of new Set(terms(text))) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  delete(id: string): void {
    const old = this.texts.get(id);
    if (old === undefined) return;
    this.mini.discard(id);
    this.texts.delete(id);
    for (const t of new Set(terms(old))) {
      const n = (this.df.get(t) ?? 1) - 1;
      if (n <= 0) this.df.delete(t);
      else this.df.set(t, n);
    }
  }

  search(query: string, limit: number, accept?: (id: string) => boolean): KeywordHit[] {
    const wanted = this.selectTerms(query);
    if (wanted.length === 0) return [];
    const hits = this.mini.search({ combineWith: 'OR', queries: wanted }, accept ? { filter: (r) => accept(r.id as string) } : {});
    return hits.slice(0, limit).map((h) => ({ id: h.id as string, score: h.score }));
  }

  private selectTerms(query: string): string[] {
    const unique = [...new Set(terms(query))].filter((t) => this.df.has(t));
    const n = this.size;
    if (n < COMMON_TERM_MIN_DOCS) return unique;
    const rare = unique.filter((t) => this.df.get(t)! / n <= COMMON_TERM_SHARE);
    if (rare.length > 0) return rare;
    // Only common terms: keep the rarest, so a one-word query still finds something.
    return unique.sort((a, b) => this.df.get(a)! - this.df.get(b)!).slice(0, 1);
  }
}
