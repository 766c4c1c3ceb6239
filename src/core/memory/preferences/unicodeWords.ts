/** A letter, digit or underscore in any script (JavaScript's own `\w` and `\b` only know ASCII). */
const W = '[\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<!${W})(?=${W})|(?<=${W})(?!${W}))`;

/**
 * The same pattern with Unicode-aware `\b` and `\w`: without it "método" contains the word "todo",
 * and "\bécris" never matches. Patterns are written with the usual `\b`/`\w` and converted once.
 */
export function uw(re: RegExp): RegExp {
  const source = re.source.replace(/\\b/g, BOUNDARY).replace(/\\w/g, W);
  return new RegExp(source, re.flags.includes('u') ? re.flags : `${re.flags}u`);
}
