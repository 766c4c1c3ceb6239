import { canonicalLanguage } from '../../../languages';
import type { SplitAnswer } from '../splitAnswer';

// The question asks for code to be written or changed (en, de, es, fr).
// Letter lookarounds, not \b: \b sees no word edge before "é" ("écris") or after it ("crée").
const ASKS_FOR_CODE =
  /(?<!\p{L})(?:write|implement|create|generate|give me|show me|code for|script|one-liner|snippet|schreibe?|erstelle|implementiere|escribe|escríbeme|crea|implementa|écris|écrire|crée|implémente)(?!\p{L})/iu;
// An imperative that changes given code: "Add types to this function", "Convert this class to…".
const CHANGE_VERB =
  /^(?:please |can you |could you |kannst du |könntest du |puedes |podrías |peux-tu |pouvez-vous )?(?:add|convert|rewrite|refactor|translate|port|turn|make|füge|konvertiere|wandle|schreib|baue|mach|übersetze|añade|agrega|convierte|pasa|pásame|reescribe|traduce|haz|ajoute|convertis|transforme|réécris|traduis|fais)\b/i;
// "SQL: list the products…", "nginx: reverse proxy…": a language or tool, then the task, not a question.
const TOPIC_PREFIX = /^\s*([\w#+.-]{1,20})\s*:\s*(\S+)/;
const QUESTION_WORD =
  /^(?:why|what|how|when|where|which|who|is|are|does|do|can|should|warum|was|wie|wann|wo|welche[rs]?|ist|sind|kann|por|qué|cómo|cuál|cuándo|dónde|es|pourquoi|quoi|quel(?:le)?s?|comment|quand|où|est-ce)\b/i;

/** Whether the question asks for code (a program, a query, a config, a change to given code). */
export function asksForCode(question: string): boolean {
  const q = question.trim();
  if (ASKS_FOR_CODE.test(q) || CHANGE_VERB.test(q)) return true;
  const m = TOPIC_PREFIX.exec(q);
  return m !== null && canonicalLanguage(m[1].toLowerCase()) !== undefined && !QUESTION_WORD.test(m[2]);
}

/**
 * Code the reader can use: a non-empty fenced block, or an inline span that is a command or an
 * expression (`npm ci --omit=dev`, `df.dropna(how="all")`), not a name mentioned in prose (`/etc`,
 * `LEFT JOIN`).
 */
export function hasUsableCode(answer: SplitAnswer): boolean {
  if (answer.blocks.some((b) => b.code.trim() !== '')) return true;
  // A table of three rows or more is a reference the reader can use (status codes, key bindings).
  if ((answer.prose.match(/^\s*\|.*\|\s*$/gm) ?? []).length >= 4) return true;
  for (const m of answer.prose.matchAll(/`([^`\n]+)`/g)) if (m[1].trim().length >= 12 && /[\s(=;|{]/.test(m[1].trim())) return true;
  return false;
}
