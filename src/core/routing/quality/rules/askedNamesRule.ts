import type { QualityRule } from '../QualityRule';

// Words a code span in a question shares with any answer: keywords, not the names the question is about.
const COMMON = new Set(
  'the and for with from where select insert update delete into values order group null true false none return const let var function def class new this self not like'.split(
    ' ',
  ),
);

/**
 * The names a question puts in code (`requests.get`, `client_id`, `tsconfig.json`, `Pedido.find(…)`):
 * each as the identifier words (3+ letters) the answer would have to mention to be about it.
 */
export function askedNames(question: string): string[][] {
  const spans = [...question.slice(0, 4000).matchAll(/`([^`\n]{2,200})`/g)].map((m) => m[1]);
  // Dotted and snake_case names outside code spans are names too ("my requests.get call hangs").
  const bare = question.replace(/`[^`\n]*`/g, ' ').match(/\b[A-Za-z]\w*(?:\.[A-Za-z]\w*)+\b|\b[a-z]+_[a-z_]+\b/g) ?? [];
  const out: string[][] = [];
  for (const s of [...spans, ...bare]) {
    const words = (s.match(/[A-Za-z][A-Za-z0-9]{2,}/g) ?? []).map((w) => w.toLowerCase()).filter((w) => !COMMON.has(w));
    if (words.length > 0) out.push([...new Set(words)]);
  }
  return out;
}

/**
 * An answer that mentions none of the names the question put in code has not looked at the code it was
 * asked about: asked why `Pedido.find({ _id: id })` returns nothing, told what MongoDB is. Judged on
 * long enough answers only, and a name counts as mentioned when any of its words appears anywhere in
 * the answer (prose or code).
 */
export const askedNamesRule: QualityRule = {
  name: 'askedNames',
  check({ question, answer }) {
    const names = askedNames(question);
    if (names.length === 0) return undefined;
    const text = answer.text.slice(0, 20000).toLowerCase();
    if (text.length < 250) return undefined;
    if (names.some((words) => words.some((w) => text.includes(w)))) return undefined;
    const shown = names
      .slice(0, 3)
      .map((w) => w.join('.'))
      .join(', ');
    return {
      rule: 'askedNames',
      severity: names.length >= 2 ? 1 : 0.6,
      reason: `never mentions what the question names in code (${shown})`,
      note: 'does not address the question',
    };
  },
};
