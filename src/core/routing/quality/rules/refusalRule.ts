import type { QualityRule } from '../QualityRule';

/**
 * Refusals in the four languages Jarvis is used in most: "I'd rather not help with this", "I must
 * decline", "as an AI I have no access to your system", "Es tut mir leid, aber ich kann…", "Lo siento,
 * no puedo…", "Je ne peux pas vous aider…". The original basics check knows only a few English forms.
 */
const REFUSALS: readonly RegExp[] = [
  /\bI(?:'d| would) rather not (?:help|answer|assist|provide|go into)\b/i,
  /\bI (?:must|have to|need to|will have to) (?:decline|refuse)\b/i,
  /\bI(?:'m| am) not (?:comfortable|able|allowed|permitted) (?:to )?(?:help|assist|provid|answer|giv|shar)/i,
  /\bI (?:can(?:no|')t|cannot|won't|will not) (?:help|assist|provide|give|share|support|answer|write)\b/i,
  /\bI(?:'m| am) (?:sorry|afraid),? (?:but )?I (?:can(?:no|')t|cannot|won't|will not|am unable)\b/i,
  /\bas an AI(?: (?:language )?model| assistant)?\b|\bI (?:do not|don't) have access to your\b/i,
  /\b(?:es tut mir leid|leider),? (?:aber )?(?:ich )?kann ich\b|\bich kann (?:ihnen|dir|euch)? ?(?:dabei |damit |hierbei )?(?:nicht|keine)(?: anleitung| hilfe)? (?:helfen|geben|liefern|unterstützen|bereitstellen)/i,
  /\bes tut mir leid, aber ich kann\b|\bals (?:ki|künstliche intelligenz|sprachmodell|ki-sprachmodell)\b|\bich habe keinen zugriff auf (?:ihr|dein|euer)/i,
  /\blo siento,? (?:pero )?no (?:puedo|me es posible)\b|\bno puedo (?:ayudarte|ayudarle|ayudaros|proporcionar|dar|darte|ofrecer)\b/i,
  /\bcomo (?:una )?(?:ia|inteligencia artificial|modelo de lenguaje)\b|\bno tengo acceso a (?:tu|su|vuestr)/i,
  /\bprefiero no (?:ayudar|responder|dar)\b|\bdebo (?:rechazar|negarme)\b/i,
  /\bje ne (?:peux|suis pas en mesure de|vais pas) (?:pas )?(?:vous |t')?(?:aider|fournir|donner|répondre|proposer|expliquer)\b/i,
  /\bje suis désolée?,? (?:mais )?je ne (?:peux|suis)\b|\ben tant qu(?:'|’)(?:ia|intelligence artificielle|assistant|modèle de langage)\b/i,
  /\bje n(?:'|’)ai pas accès à (?:votre|ton|ta|vos)\b|\bje préfère ne pas (?:vous )?(?:aider|répondre)\b|\bje dois refuser\b/i,
];

// "I can't run your code, but the usual cause is…": a caveat before an answer, not a refusal.
const BUT_THEN = /^[^.!?\n]{0,120}?\b(?:but|however|aber|jedoch|pero|sin embargo|mais|cependant|toutefois)\b(?!\s+(?:i|ich|je|no puedo|yo)\b)/i;

/**
 * A refusal near the start of an answer that gives no code after it: the reader asked for help and got
 * none. A caveat followed by the answer ("I can't see your screen, but…", then a fix) is not one.
 */
export const refusalRule: QualityRule = {
  name: 'refusal',
  check({ answer }) {
    if (answer.blocks.some((b) => b.code.trim() !== '')) return undefined;
    const start = answer.prose.slice(0, 400);
    for (const re of REFUSALS) {
      const m = re.exec(start);
      if (!m) continue;
      if (BUT_THEN.test(start.slice(m.index + m[0].length))) return undefined;
      return {
        rule: 'refusal',
        severity: answer.prose.length < 900 ? 1 : 0.6,
        reason: `refuses to answer ("${m[0].trim()}"), gives no code`,
        note: 'refuses to answer',
      };
    }
    return undefined;
  },
};
