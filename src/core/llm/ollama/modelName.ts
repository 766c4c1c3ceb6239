/**
 * Ollama model names are `[host/][namespace/]name[:tag]`; a missing tag means `:latest`, and Ollama
 * compares names case-insensitively. Settings say `llama3`, /api/tags says `llama3:latest`: both are
 * the same model.
 */

/** Adds `:latest` when the name has no tag. A colon before the last `/` is a registry port, not a tag. */
export function normalizeModelName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return trimmed;
  const lastSegment = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return lastSegment.includes(':') ? trimmed : `${trimmed}:latest`;
}

/** True when both names denote the same installed model. */
export function sameModel(a: string, b: string): boolean {
  return normalizeModelName(a).toLowerCase() === normalizeModelName(b).toLowerCase();
}
