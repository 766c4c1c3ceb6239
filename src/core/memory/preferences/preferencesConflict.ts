import { foldText } from '../../ml/hashText';
import type { PreferenceEvidence } from './Preference';
import { DISLIKE, structuredPreference } from './structuredPreference';
import { uw } from './unicodeWords';

/**
 * Words naming each structured key's topic, so that a free-form statement ("we never indent with tabs")
 * can be compared with a structured preference (indent = tabs).
 */
const KEY_TOPIC: Record<string, RegExp> = {
  indent: uw(/\b(?:indent\w*|einr[üu]ck\w*|einzug|sangr\w*|tabs?|tabulat\w*|spaces?|leerzeichen|espacios?|espaces?)\b/i),
  quotes: uw(/\b(?:quotes?|quotation|anf[üu]hrungszeichen|hochkomma\w*|comillas|guillemets)\b/i),
  semicolons: uw(/\b(?:semicolons?|semikol\w*|punto y coma|points?-virgules?)\b/i),
  naming: uw(/\b(?:\w+case|naming|names?|namen|nombres?|noms?)\b/i),
  'line-length': uw(/\b(?:line length|characters|chars|columns|zeichen|spalten|caracteres|columnas|caract[èe]res|colonnes)\b/i),
  'test-framework': uw(/\b(?:pytest|jest|mocha|vitest|unittest|junit|rspec|jasmine|playwright|cypress)\b/i),
  'package-manager': uw(/\b(?:npm|pnpm|yarn|bun|pip|poetry|uv|conda)\b/i),
  language: uw(/\b(?:typescript|javascript|python|golang|rust|java|kotlin|ruby|php|swift|scala|elixir|dart)\b/i),
};

/** Slots a free-form statement can fill, each with the values it can take. */
const SLOTS: { topic: RegExp; values: [RegExp, string][] }[] = [
  {
    // which human language answers are written in
    topic: uw(
      /\b(?:answer\w*|repl\w*|respon\w*|write|talk|speak|antwort\w*|schreib\w*|sprich|respuestas?|responde\w*|escrib\w*|habla\w*|r[ée]pon\w*|[ée]cri\w*|parle\w*)\b/i,
    ),
    values: [
      [uw(/\b(?:english|englisch|ingl[ée]s|anglais)\b/i), 'en'],
      [uw(/\b(?:german|deutsch|alem[áa]n|allemand)\b/i), 'de'],
      [uw(/\b(?:spanish|spanisch|espa[ñn]ol|espagnol)\b/i), 'es'],
      [uw(/\b(?:french|franz[öo]sisch|franc[ée]s|fran[çc]ais)\b/i), 'fr'],
    ],
  },
  {
    // how long answers are
    topic: uw(/\b(?:answers?|repl\w*|respon\w*|explanations?|antwort\w*|erkl[äa]r\w*|respuestas?|explicaci\w*|r[ée]ponses?|explications?)\b/i),
    values: [
      [
        uw(/\b(?:short|shorter|concise|brief|terse|to the point|kurz\w*|knapp\w*|cort[oa]s?|breves?|concis[oa]s?|courte?s?|concise?s?|br[èe]ve?s?)\b/i),
        'short',
      ],
      [
        uw(
          /\b(?:detailed|long|longer|thorough|in depth|in-depth|verbose|ausf[üu]hrlich\w*|detailliert\w*|lang\w*|detallad[oa]s?|extens[oa]s?|largas?|d[ée]taill[ée]\w*|approfondi\w*|longues?)\b/i,
        ),
        'long',
      ],
    ],
  },
  {
    // how formal the tone is
    topic: uw(/\b(?:tone|formal\w*|casual|informal|du|sie|duz\w*|siez\w*|tut[ée]a\w*|tutoi\w*|vouvoi\w*|usted)\b/i),
    values: [
      [uw(/\b(?:formal\w*|sie|siez\w*|usted|vouvoi\w*|formel\w*)\b/i), 'formal'],
      [uw(/\b(?:casual|informal|locker|du|duz\w*|tut[ée]a\w*|tutoi\w*)\b/i), 'informal'],
    ],
  },
];

const NEGATIVE = uw(
  /\b(?:never|not|no|don't|do not|avoid|without|stop|nie|niemals|nicht|kein\w*|ohne|nunca|no|sin|evita\w*|jamais|pas|ne|sans|[ée]vite\w*)\b/i,
);

const polarity = (text: string): 1 | -1 => (NEGATIVE.test(text) || DISLIKE.test(`${text} x`) ? -1 : 1);

const isStatement = (p: PreferenceEvidence): boolean => p.key.startsWith('statement:');

function slotOf(text: string): { slot: number; value: string } | undefined {
  for (let i = 0; i < SLOTS.length; i++) {
    if (!SLOTS[i].topic.test(text)) continue;
    const hit = SLOTS[i].values.find(([re]) => re.test(text));
    if (hit) return { slot: i, value: hit[1] };
  }
  return undefined;
}

function words(text: string): Set<string> {
  return new Set((foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2));
}

/** A structured preference and a free-form statement on its topic: opposite polarity about its value, or another value. */
function structuredVsStatement(s: PreferenceEvidence, t: PreferenceEvidence): boolean {
  const topic = KEY_TOPIC[s.key];
  if (!topic || !topic.test(t.statement)) return false;
  const read = structuredPreference(t.statement);
  if (read && read.key === s.key) return read.value !== s.value;
  const valueWords = [...words(s.value)].map((w) => w.replace(/s$/, ''));
  const mentionsValue = [...words(t.statement)].some((w) => valueWords.includes(w.replace(/s$/, '')));
  return mentionsValue && polarity(t.statement) === -1;
}

/**
 * Two preferences that cannot both hold, newer over older being the caller's business: the same
 * structured key with another value; a statement on a structured key's topic that says the opposite or
 * another value; two statements filling the same slot (answer language, answer length, tone) with
 * different values or opposite polarity. Mere shared words are not enough ("keep your answers in
 * English" and "keep your answers short" both hold); without a slot, near-identical wording with opposite
 * polarity is ("use early returns" / "don't use early returns").
 */
export function preferencesConflict(a: PreferenceEvidence, b: PreferenceEvidence): boolean {
  if (!isStatement(a) && !isStatement(b)) return a.key === b.key && a.value !== b.value;
  if (!isStatement(a)) return structuredVsStatement(a, b);
  if (!isStatement(b)) return structuredVsStatement(b, a);
  const sa = slotOf(a.statement);
  const sb = slotOf(b.statement);
  if (sa && sb && sa.slot === sb.slot) return sa.value !== sb.value || polarity(a.statement) !== polarity(b.statement);
  if (sa || sb || a.category !== b.category) return false;
  const wa = words(a.statement);
  const wb = words(b.statement);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  const union = wa.size + wb.size - shared;
  return union > 0 && shared / union >= 0.5 && polarity(a.statement) !== polarity(b.statement);
}
