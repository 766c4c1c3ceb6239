import type { QualityRule } from '../QualityRule';

// Comments that stand in for code. An elision of the user's own code ("the rest stays the same") is
// not a stub: the user has that code already.
const STUB_COMMENT =
  /(?:\/\/|#|\/\*|<!--|--)[^\n]*?(?:\bTODO\b|\bFIXME\b|\byour (?:code|logic|implementation)\b|\b(?:goes|go) here\b|\bimplement(?:ation)?\b(?: (?:here|this|goes|the \w+ (?:logic|algorithm)))?|\badd your\b|\binsert [^\n]* here\b|\bfill (?:in|this)\b|\blogic\b|\bhier einfügen\b|\bImplementierung\b|\bimplementación\b|\bvotre code\b)/im;
// "// validate the token here", "-- add remaining columns here": what is missing, then "here". A remark
// about the line ("// texte est toujours utilisable ici", "// x is still valid here") states, not asks.
const HERE_END = /(?:\/\/|#|\/\*|--)\s*([^\n]*?)\b(?:here|ici|hier|aquí|aqui)\s*(?:\*\/)?\s*$/i;
const REMARK = /\b(?:is|are|was|were|still|now|can|works?|ok|fine|valid|est|sont|toujours|encore|peut|ist|sind|noch|bleibt|es|son|sigue|está)\b/i;
const stubHere = (line: string): boolean => {
  const m = HERE_END.exec(line);
  return m !== null && !REMARK.test(m[1]);
};
const ELISION = /\b(?:stays? the same|unchanged|as before|existing code|rest of your (?:code|function|file))\b/i;
const STUB_CALL =
  /\btodo!\(\s*\)|\bunimplemented!\(\s*\)|\bNotImplemented(?:Exception|Error)\b|new Error\(\s*['"`]not implemented|errors\.New\("not implemented"\)/i;
// A Python function whose body is only `pass` or `...`.
const EMPTY_PY_BODY = /^[ \t]*(?:async )?def [^\n]*:[ \t]*\n(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]+(?:pass|\.\.\.)[ \t]*(?:#[^\n]*)?$/m;
const ELLIPSIS_LINE = /^[ \t]*(?:\/\/\s*)?(?:\.\.\.|…)[ \t]*(?:#[^\n]*)?$/gm;

// The user asked for the stubs: "scaffold… leave TODOs where the logic goes", "ein Gerüst", "un esqueleto".
const ASKS_FOR_STUBS =
  /\b(?:scaffold(?:ing)?|skeleton|boilerplate|stubs?|leave (?:the )?(?:todos?|placeholders?)|with todos?|todos? (?:where|for)|gerüst|grundgerüst|platzhalter|esqueleto|andamiaje|squelette|ossature)\b|\b(?:it\.todo|todo\(\))/i;

/**
 * Placeholder and stub code: `// TODO: implement`, `// your code here`, `todo!()`, a `pass`-only body.
 * Not when the question asked for a scaffold with the placeholders left in.
 */
export const placeholderRule: QualityRule = {
  name: 'placeholder',
  check({ question, answer }) {
    if (ASKS_FOR_STUBS.test(question)) return undefined;
    let strongest = 0;
    let example = '';
    for (const block of answer.blocks) {
      for (const line of block.code.split('\n')) {
        if (line.length > 400) continue;
        if ((STUB_COMMENT.test(line) || stubHere(line)) && !ELISION.test(line)) {
          if (strongest < 1) example = line.trim();
          strongest = 1;
        }
      }
      if (STUB_CALL.test(block.code) || EMPTY_PY_BODY.test(block.code)) {
        if (strongest < 1) example = (STUB_CALL.exec(block.code)?.[0] ?? 'an empty function body').trim();
        strongest = 1;
      }
      const ellipses = (block.code.match(ELLIPSIS_LINE) ?? []).length;
      if (ellipses >= 2 && strongest < 0.6) {
        strongest = 0.6;
        example = '...';
      }
    }
    if (strongest === 0) return undefined;
    return {
      rule: 'placeholder',
      severity: strongest,
      reason: `placeholder code instead of an implementation (${example.slice(0, 60)})`,
      note: 'leaves placeholder code',
    };
  },
};
