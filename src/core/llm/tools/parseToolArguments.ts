import { JarvisError } from '../../../common/errors';

/** Longest piece of bad arguments quoted in an error (the rest is in the error's details). */
const QUOTE = 120;

/**
 * Parses a tool call's arguments as the model streamed them (a JSON text). Empty means "no input".
 * @throws JarvisError `invalid-response` naming the tool and model when they are not a JSON object.
 */
export function parseToolArguments(raw: string, where: { provider: string; model: string; tool: string }): Record<string, unknown> {
  if (raw.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    throw badArguments(raw, where, e instanceof Error ? e.message : String(e));
  }
  return objectOnly(value, raw, where);
}

/** Checks arguments that arrived already parsed (Ollama sends an object; some compatible servers a JSON text). */
export function asArgumentObject(value: unknown, raw: string, where: { provider: string; model: string; tool: string }): Record<string, unknown> {
  if (typeof value === 'string') return parseToolArguments(value, where);
  return objectOnly(value, raw, where);
}

function objectOnly(value: unknown, raw: string, where: { provider: string; model: string; tool: string }): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw badArguments(raw, where, 'they are not a JSON object');
  return value as Record<string, unknown>;
}

function badArguments(raw: string, where: { provider: string; model: string; tool: string }, why: string): JarvisError {
  const shown = raw.length > QUOTE ? `${raw.slice(0, QUOTE)}…` : raw;
  return new JarvisError(
    'invalid-response',
    `${where.model} called the tool "${where.tool}" with arguments that are not valid JSON (${why}): ${shown}. Nothing was run; try again or pick another model.`,
    { provider: where.provider, model: where.model, cause: new Error(raw) },
  );
}
