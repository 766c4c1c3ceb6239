import type { UiReference } from './protocol';

/** Titles listed inline before "and N more". */
const MAX_LISTED = 5;
/** Longest title shown inline (memories can be whole paragraphs). */
const MAX_TITLE = 60;

/**
 * "Used 3 memories", "Used 1 file", "Used 2 memories and 1 file": the summary both front ends show
 * for what an answer drew on. References with a uri are files; the rest come from workspace memory
 * (decisions, facts, learned preferences).
 */
export function describeReferences(references: readonly Pick<UiReference, 'uri'>[]): string {
  const files = references.filter((r) => r.uri !== undefined).length;
  const memories = references.length - files;
  const parts: string[] = [];
  if (memories > 0) parts.push(`${memories} ${memories === 1 ? 'memory' : 'memories'}`);
  if (files > 0) parts.push(`${files} ${files === 1 ? 'file' : 'files'}`);
  return parts.length === 0 ? '' : `Used ${parts.join(' and ')}`;
}

/** "Used 2 memories: we use pnpm, deploy on Fridays" — one line for the @jarvis participant. */
export function listReferences(references: readonly Pick<UiReference, 'title' | 'uri'>[]): string {
  if (references.length === 0) return '';
  const titles = references.slice(0, MAX_LISTED).map((r) => shorten(r.title.replace(/\s+/g, ' ').trim(), MAX_TITLE));
  const more = references.length - MAX_LISTED;
  return `${describeReferences(references)}: ${titles.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
}

function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
