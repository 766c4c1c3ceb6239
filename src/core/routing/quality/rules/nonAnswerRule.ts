import type { QualityRule } from '../QualityRule';
import { asksForCode, hasUsableCode } from './codeRequest';
import { hedgeFamilies } from './hedgePhrases';

// The answer announces code: "Here is the script:", "Below is…", "Sure!", "Aquí tienes la función:".
const PROMISE =
  /\b(?:here(?:'s| is| are)|below is|the following|as follows|hier ist|gerne|hier (?:das|der|die)|aquí (?:tienes|está|va)|a continuación|voici|ci-dessous)\b|^(?:sure|certainly|of course|absolutely|klar|natürlich|claro|por supuesto|bien sûr|certainement)\b/im;
// An offer to do the work instead of doing it: "I'll write the workflow… let me know if I should proceed".
const OFFER =
  /\b(?:let me know if you(?:'d| would) like me to|shall I|should I|do you want me to|would you like me to) (?:proceed|continue|go ahead|write|start|do)\b|\bI(?:'ll| will) (?:write|create|prepare) (?:it|the \w+|this|that) for you\b|\bsoll ich (?:fortfahren|weitermachen|das \w+ schreiben|beginnen)\b|\b¿?quieres que (?:continúe|lo escriba|empiece|siga)\b|\bvoulez-vous que je (?:continue|commence|l(?:'|’)écrive)\b/i;
// A named deliverable announced with no code after it: "Below is the converted code", "Here is the query".
const ANNOUNCED_CODE =
  /\b(?:here(?:'s| is)|below is|hier ist|aquí tienes|voici)\b[^.\n:]{0,40}\b(?:script|query|code|function|workflow|class|config(?:uration)?|snippet|command|program|implementation|version|makefile|dockerfile|manifest|playbook|migration|component|regex|file|skript|funktion|abfrage|klasse|konfiguration|datei|komponente|función|consulta|clase|configuración|código|archivo|componente|fonction|requête|classe|fichier|composant)\b/i;

/**
 * Non-answers: a promise of code with no code ("Sure! Here is the script:" then a description), an
 * offer to write it later, and hedging without content ("it depends on many factors… there are many
 * resources online… I hope this helps"), in English, German, Spanish and French. Code counts only when
 * it can be used: a fenced block or an inline command, not a path or a keyword named in prose.
 */
export const nonAnswerRule: QualityRule = {
  name: 'nonAnswer',
  check({ question, answer, codeViaTools }) {
    const text = answer.text;
    const usable = codeViaTools || hasUsableCode(answer);
    if (!usable && (announcedNotGiven(answer.prose) || OFFER.test(text))) {
      return { rule: 'nonAnswer', severity: 1, reason: 'promises code but gives none', note: 'promises code but gives none' };
    }
    // Asked for code, and no code at all: an inline name (`Location`) may be the content of a table or a list.
    const anyCode = usable || /`[^`\n]{3,}`/.test(text);
    if (!anyCode && asksForCode(question)) {
      const promised = PROMISE.test(text);
      const severity = promised || text.length < 300 ? 1 : 0.6;
      return {
        rule: 'nonAnswer',
        severity,
        reason: promised ? 'promises code but gives none' : 'asked for code, gave none',
        note: 'promises code but gives none',
      };
    }
    if (answer.blocks.some((b) => b.code.trim() !== '') || text.length > 1500) return undefined;
    const families = hedgeFamilies(text);
    if (families.length < 2) return undefined;
    // Inline names (`order_items`, `null`) are some content; several of them make hedging less likely.
    const inline = new Set([...answer.prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1])).size;
    const severity = Math.min(1, 0.3 * families.length) * (inline >= 3 ? 0.5 : 1);
    return {
      rule: 'nonAnswer',
      severity,
      reason: `hedges without an answer (${families.join(', ')}; no code, no specifics)`,
      note: 'hedges without answering',
    };
  },
};

/**
 * The answer names a deliverable ("Here's a bash script that does exactly that:") and what follows the
 * announcement is prose; "Here is the command: `ls -la`" delivers it inline.
 */
function announcedNotGiven(prose: string): boolean {
  const m = ANNOUNCED_CODE.exec(prose);
  if (!m) return false;
  const after = prose.slice(m.index + m[0].length);
  const end = /[:.!]/.exec(after);
  const next = end ? after.slice(end.index + 1).trimStart() : '';
  return !next.startsWith('`');
}
