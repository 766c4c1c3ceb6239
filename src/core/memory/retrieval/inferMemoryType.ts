import { JarvisError } from '../../../common/errors';
import { MAX_MEMORY_TEXT_CHARS } from '../store/MemoryRecord';
import { MEMORY_TYPES, type MemoryType } from '../store/MemoryType';

/** How people write each type as a prefix ("decision: …", "action item: …", "todo: …"). */
const PREFIXES: [RegExp, MemoryType][] = [
  [/^(?:decision|decided)$/i, 'decision'],
  [/^(?:action[ _-]?items?|todo|to[ -]do|action)$/i, 'action_item'],
  [/^(?:preference|prefer|pref)$/i, 'preference'],
  [/^(?:error[ _-]?pattern|error|bug|gotcha)$/i, 'error_pattern'],
  [/^(?:insight|learned|lesson|til)$/i, 'insight'],
  [/^(?:observation|note|fact)$/i, 'observation'],
  [/^(?:meeting[ _-]?summary|meeting|summary)$/i, 'meeting_summary'],
];

/**
 * Cues for text without a prefix, checked in order (most specific first). Plain keyword rules,
 * not a model: they must work offline and be predictable; the user can always say the type.
 */
const CUES: [RegExp, MemoryType][] = [
  [/\b(?:we|i|team)\s+(?:have\s+)?(?:decided|agreed|chose|picked|settled on)\b|\bdecision\b|\bgoing with\b|\bwe(?:'ll| will) use\b/i, 'decision'],
  [
    /\b(?:todo|to-do|need to|needs to|must|should|follow[ -]up|remind me|don't forget|action item|by (?:monday|tuesday|wednesday|thursday|friday|tomorrow|next week|eod))\b/i,
    'action_item',
  ],
  [/\b(?:i|we)\s+(?:prefer|like|always use|never use|want)\b|\bplease always\b|\bprefer\b/i, 'preference'],
  [/\b(?:error|exception|fails?|failed|failing|crash(?:es|ed)?|bug|stack ?trace|timeout|traceback|panic|segfault)\b/i, 'error_pattern'],
  [/\b(?:learned|realized|turns out|insight|lesson|key takeaway|it seems|found that|because)\b/i, 'insight'],
  [/\b(?:meeting|standup|stand-up|retro|sync|call with)\b/i, 'meeting_summary'],
];

export interface ParsedMemoryText {
  type: MemoryType;
  text: string;
  /** True when the user named the type ("decision: …"), false when it was inferred. */
  explicit: boolean;
}

/** The type a text most likely is; `observation` when nothing stands out. */
export function inferMemoryType(text: string): MemoryType {
  return CUES.find(([re]) => re.test(text))?.[1] ?? 'observation';
}

/** A type from what the user typed ("action item", "error_pattern", "todo"…), or undefined. */
export function memoryTypeFromWord(word: string): MemoryType | undefined {
  const w = word.trim();
  if ((MEMORY_TYPES as readonly string[]).includes(w.toLowerCase())) return w.toLowerCase() as MemoryType;
  return PREFIXES.find(([re]) => re.test(w))?.[1];
}

/**
 * Reads `/remember` input: "decision: Use PostgreSQL" names the type, anything else is inferred.
 * @throws `invalid-input` for empty or over-long text, with an example of what to type.
 */
export function parseMemoryText(input: string): ParsedMemoryText {
  const raw = typeof input === 'string' ? input.trim() : '';
  if (raw === '') {
    throw new JarvisError('invalid-input', 'Tell me what to remember, e.g. `/remember decision: Use PostgreSQL for production`.');
  }
  const m = /^([a-z][a-z _-]{1,20}?)\s*:\s*([\s\S]*)$/i.exec(raw);
  const named = m ? memoryTypeFromWord(m[1]) : undefined;
  const text = (named ? m![2] : raw).trim();
  if (text === '') {
    throw new JarvisError('invalid-input', `Add the ${named!.replace('_', ' ')} itself after the colon, e.g. \`/remember ${m![1]}: …\`.`);
  }
  if (text.length > MAX_MEMORY_TEXT_CHARS) {
    throw new JarvisError('invalid-input', `That is ${text.length} characters; a memory holds at most ${MAX_MEMORY_TEXT_CHARS}. Remember a summary instead.`);
  }
  return named ? { type: named, text, explicit: true } : { type: inferMemoryType(text), text, explicit: false };
}
