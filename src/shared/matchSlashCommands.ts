import type { UiSlashCommand } from './protocol';

/** "/" then a partial command name, and nothing else: the only time completion is offered. */
const SLASH_PREFIX = /^\/([a-z0-9-]*)$/i;

/**
 * The commands to offer while the prompt is `"/"` plus the start of a name (e.g. "/re" → remember,
 * recall). Anything else — text before the slash, a space after the name — offers nothing, so
 * completion never gets in the way of a normal message.
 */
export function matchSlashCommands(prompt: string, commands: readonly UiSlashCommand[]): UiSlashCommand[] {
  const m = SLASH_PREFIX.exec(prompt);
  if (!m) return [];
  const typed = m[1].toLowerCase();
  return commands.filter((c) => c.name.toLowerCase().startsWith(typed));
}

/** Keeps the well-formed entries of a command list received from elsewhere (host message, settings). */
export function sanitizeSlashCommands(x: unknown): UiSlashCommand[] {
  if (!Array.isArray(x)) return [];
  const seen = new Set<string>();
  const out: UiSlashCommand[] = [];
  for (const c of x) {
    if (typeof c !== 'object' || c === null) continue;
    const { name, description } = c as Record<string, unknown>;
    if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9-]{0,49}$/i.test(name) || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, description: typeof description === 'string' ? description.slice(0, 200) : '' });
  }
  return out;
}
