import * as assert from 'node:assert/strict';
import { isJarvisError } from '../../../src/common/errors';
import { HashingFeaturizer } from '../../../src/core/ml/HashingFeaturizer';
import { fnvStep, foldText, mix32, wordTokens } from '../../../src/core/ml/hashText';
import { mulberry32 } from '../../../src/core/ml/trainSoftmax';
import { sparseNorm } from '../../../src/core/ml/SparseVector';

// The featurizer written the plain way (a string per word, every n-gram of every occurrence hashed, a Map
// of bucket counts): the shipped one scans without substrings and hashes each distinct word once, and
// must give exactly this vector, or models trained before would no longer reproduce.
function referenceVector(text: string, buckets: number): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (h: number): void => {
    const m = mix32(h);
    const b = m & (buckets - 1);
    counts.set(b, (counts.get(b) ?? 0) + (m & 0x80000000 ? -1 : 1));
  };
  const tokens = wordTokens(foldText(text));
  const hashes: number[] = [];
  for (let t = 0; t < tokens.length; t++) {
    let h = 0x811c9dc5;
    for (let i = 0; i < tokens[t].length; i++) h = fnvStep(h, tokens[t].charCodeAt(i));
    hashes[t] = h;
    add(h);
    if (t >= 1) add(Math.imul(hashes[t - 1] ^ 0x050c5d1f, 31) ^ h);
    const padded = ` ${tokens[t]} `;
    for (let s = 0; s + 3 <= padded.length; s++) {
      let g = 0x9747b28c;
      for (let n = 1; n <= 5 && s + n <= padded.length; n++) {
        g = fnvStep(g, padded.charCodeAt(s + n - 1));
        if (n >= 3) add(g ^ n);
      }
    }
  }
  const out = new Map<number, number>();
  let norm = 0;
  for (const v of counts.values()) norm += v * v;
  norm = Math.sqrt(norm);
  for (const [b, v] of [...counts].sort((x, y) => x[0] - y[0])) if (v !== 0) out.set(b, Math.fround(Math.fround(v) / norm));
  return out;
}

describe('ml: HashingFeaturizer', () => {
  const f = new HashingFeaturizer({ buckets: 1 << 12, numeric: ['a', 'b'] });

  it('folds accents and ß, and lower-cases', () => {
    assert.equal(foldText('Déploiement GRÖẞE Größe'), 'deploiement grosse grosse');
    assert.deepEqual(wordTokens(foldText('Qué es un_puerto? 8080!')), ['que', 'es', 'un_puerto', '8080']);
  });

  it('gives exactly the vector of the plain string-per-word featurizer (repeats, accents, emoji, identifiers)', () => {
    const random = mulberry32(3);
    const words = ['port', 'Port', 'déploiement', 'deploiement', 'Größe', 'a', 'of', 'x_1', '🚀', 'naïve', '8080', 'the', 'the', 'migrate', '日本語', 'ab'];
    const small = new HashingFeaturizer({ buckets: 1 << 8, maxChars: 1 << 20 });
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => words[Math.floor(random() * words.length)]).join(random() < 0.5 ? ' ' : ', ');
      const v = small.featurize(text);
      const want = referenceVector(text, 1 << 8);
      assert.deepEqual(Array.from(v.indices), [...want.keys()], text);
      assert.deepEqual(Array.from(v.values), [...want.values()], text);
    }
  });

  it('is deterministic, with unique indices in ascending order', () => {
    const a = f.featurize('explain the default port of postgres', [1, 2]);
    const b = f.featurize('explain the default port of postgres', [1, 2]);
    assert.deepEqual(Array.from(a.indices), Array.from(b.indices));
    assert.deepEqual(Array.from(a.values), Array.from(b.values));
    assert.equal(new Set(a.indices).size, a.indices.length);
    const text = Array.from(a.indices.slice(0, -2));
    assert.deepEqual(
      text,
      [...text].sort((x, y) => x - y),
    );
  });

  it('normalises the text part to unit length and appends numeric features last, as given', () => {
    const v = f.featurize('refactor the whole payment service', [0.5, 3]);
    const n = v.indices.length;
    assert.equal(v.indices[n - 2], 4096);
    assert.equal(v.indices[n - 1], 4097);
    assert.equal(v.values[n - 2], 0.5);
    assert.equal(v.values[n - 1], 3);
    const text = { indices: v.indices.slice(0, n - 2), values: v.values.slice(0, n - 2) };
    assert.ok(Math.abs(sparseNorm(text) - 1) < 1e-6);
  });

  it('gives accented and unaccented spellings the same vector', () => {
    const a = f.featurize('qué es el puerto por defecto', [0, 0]);
    const b = f.featurize('que es el puerto por defecto', [0, 0]);
    assert.deepEqual(Array.from(a.indices), Array.from(b.indices));
  });

  it('differs when word order differs (bigrams), shares unigrams', () => {
    const a = f.featurize('port default', [0, 0]);
    const b = f.featurize('default port', [0, 0]);
    assert.notDeepEqual(Array.from(a.indices), Array.from(b.indices));
    const shared = Array.from(a.indices).filter((i) => b.indices.includes(i));
    assert.ok(shared.length > 5);
  });

  it('returns only the numeric part for empty, whitespace or emoji-only text', () => {
    for (const t of ['', '   \n\t ', '🚀🔥🙂']) {
      const v = f.featurize(t, [1, 1]);
      assert.deepEqual(Array.from(v.indices), [4096, 4097], JSON.stringify(t));
    }
  });

  it('reads a bounded slice of a 1 MB text (head and tail) and replaces non-finite numbers with 0', () => {
    const big = `${'lorem ipsum '.repeat(90_000)}TAILWORD`;
    const v = f.featurize(big, [Number.NaN, Infinity]);
    assert.ok(v.indices.length < 4096);
    assert.equal(v.values[v.values.length - 1], 0);
    const tailOnly = new HashingFeaturizer({ buckets: 1 << 12, maxChars: 64 });
    const withTail = tailOnly.featurize(big);
    const without = tailOnly.featurize(big.slice(0, -8));
    assert.notDeepEqual(Array.from(withTail.indices), Array.from(without.indices));
  });

  it('rejects bad options and a wrong number of numeric features with clear errors', () => {
    assert.throws(
      () => new HashingFeaturizer({ buckets: 1000 }),
      (e) => isJarvisError(e, 'invalid-input') && /power of two/.test(e.message),
    );
    assert.throws(() => new HashingFeaturizer({ buckets: 1024, wordNgramMax: 0, charNgramMax: 0 }), /Enable word or character/);
    assert.throws(() => f.featurize('x', [1]), /Expected 2 numeric features \(a, b\), got 1/);
    assert.throws(() => f.featurize(42 as unknown as string, [1, 2]), /needs a string/);
  });
});
