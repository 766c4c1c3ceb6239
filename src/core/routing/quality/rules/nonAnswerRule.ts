import type { QualityRule } from '../QualityRule';

// The question asks for code to be written (en, de, es, fr).
const ASKS_FOR_CODE =
  /\b(?:write|implement|create|generate|give me|show me|code for|script|one-liner|snippet|schreibe?|erstelle|implementiere|escribe|crea|implementa|écris|écrire|crée|implémente)\b/i;
// The answer announces code: "Here is the script:", "Below is…", "Sure!".
const PROMISE =
  /\b(?:here(?:'s| is| are)|below is|the following|as follows|hier ist|gerne|hier (?:das|der|die)|aquí (?:tienes|está)|a continuación|voici|ci-dessous)\b|^(?:sure|certainly|of course|absolutely)\b/im;
// Hedging that stands in for an answer.
const HEDGES = [
  /\bit (?:really |largely |all )?depends\b/i,
  /\bmany (?:different )?(?:factors|reasons|ways|approaches|options)\b/i,
  /\b(?:resources|articles|examples|tutorials) (?:online|on (?:the internet|github))\b|\bfind (?:many|a lot of) \w+ (?:online|on github)\b/i,
  /\bno one-size-fits-all\b/i,
  /\b(?:generally|usually) (?:recommended|a good idea)\b/i,
  /\bhope this helps\b|\blet me know if\b|\bgood luck\b/i,
  /\b(?:great|good) question\b/i,
  /\bhard to say without\b|\bwithout more (?:information|context)\b/i,
  /\b(?:pros and cons|advantages and disadvantages|strengths and weaknesses|trade-offs)\b/i,
  /\bchoose the one that (?:best )?fits\b|\bbest fits your needs\b|\byour specific (?:needs|use case|situation|requirements)\b/i,
  /\blot of debate\b|\bdifferent opinions\b|\bdepends on (?:you|your)\b/i,
  /\bhängt von vielen faktoren ab\b/i,
  /\bim internet\b|\banleitungen\b/i,
  /\bvor- und nachteile\b/i,
  /\bam besten wählst\b|\bam besten zu deinem\b/i,
  /\bdepende de muchos factores\b/i,
  /\bhay muchas maneras\b/i,
  /\brecursos en internet\b/i,
  /\bcada [\p{L}]+ es diferente\b/iu,
  /\bcela dépend\b/i,
  /\bde nombreux facteurs\b/i,
  /\bressources en ligne\b/i,
  /\bavantages et (?:leurs )?inconvénients\b/i,
];

/**
 * Non-answers: a promise of code with no code ("Sure! Here is the script:"), and hedging without
 * content ("it depends on many factors… there are many resources online"). Content is code, inline
 * code or a concrete recommendation; a long answer with content is never a non-answer.
 */
export const nonAnswerRule: QualityRule = {
  name: 'nonAnswer',
  check({ question, answer, codeViaTools }) {
    const text = answer.text;
    const hasCode = answer.blocks.some((b) => b.code.trim() !== '') || /`[^`\n]{3,}`/.test(text);
    if (!hasCode && !codeViaTools && ASKS_FOR_CODE.test(question)) {
      const promised = PROMISE.test(text);
      const severity = promised || text.length < 300 ? 1 : 0.6;
      return {
        rule: 'nonAnswer',
        severity,
        reason: promised ? 'promises code but gives none' : 'asked for code, gave none',
        note: 'promises code but gives none',
      };
    }
    if (hasCode || text.length > 1200) return undefined;
    const hedges = HEDGES.filter((re) => re.test(text)).length;
    if (hedges < 2) return undefined;
    return {
      rule: 'nonAnswer',
      severity: Math.min(1, 0.35 * hedges),
      reason: `hedges without an answer (${hedges} hedging phrases, no specifics)`,
      note: 'hedges without answering',
    };
  },
};
