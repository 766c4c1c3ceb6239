/** How far around a hit the generic detector reads its line: a megabyte line costs no more than a short one. */
export const WINDOW = 200;

/** The line around [start, end), at most WINDOW characters each side. */
export function lineAround(text: string, start: number, end = start): string {
  const before = text.slice(Math.max(0, start - WINDOW), start);
  const after = text.slice(end, end + WINDOW);
  const nl = after.indexOf('\n');
  return before.slice(before.lastIndexOf('\n') + 1) + text.slice(start, end) + (nl === -1 ? after : after.slice(0, nl));
}
