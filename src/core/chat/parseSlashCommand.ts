/** "/remember we use pnpm" → { command: 'remember', rest: 'we use pnpm' }; plain text → undefined. */
export function parseSlashCommand(text: string): { command: string; rest: string } | undefined {
  const m = /^\s*\/([a-z][a-z0-9-]*)(?:\s+([\s\S]*))?$/i.exec(text);
  if (!m) return undefined;
  return { command: m[1].toLowerCase(), rest: (m[2] ?? '').trim() };
}
