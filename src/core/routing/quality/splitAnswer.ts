/** One fenced code block of an answer. */
export interface CodeBlock {
  /** The fence label as written, lower-case ('' when none). */
  label: string;
  code: string;
}

export interface SplitAnswer {
  /** The answer as analysed: at most ANALYSED_CHARS of it. */
  text: string;
  /** Everything outside fences, with inline code spans kept. */
  prose: string;
  blocks: CodeBlock[];
  /** True when the last fence never closed. */
  unclosed: boolean;
  /** True when the answer was longer than ANALYSED_CHARS and only its start was read. */
  clipped: boolean;
  /** Share of characters that are control characters or U+FFFD: binary junk scores high. */
  junkShare: number;
}

/**
 * Rules read the first 64 KB of an answer and its first 48 blocks: a several-megabyte answer is judged
 * on its start (which is what the reader sees first) in bounded time, never skipped.
 */
export const ANALYSED_CHARS = 64 * 1024;
export const MAX_BLOCKS = 48;

export function splitAnswer(answer: string): SplitAnswer {
  const clipped = answer.length > ANALYSED_CHARS;
  const text = clipped ? answer.slice(0, ANALYSED_CHARS) : answer;
  const blocks: CodeBlock[] = [];
  const prose: string[] = [];
  let open: { label: string; lines: string[]; fence: string } | undefined;
  for (const line of text.split('\n')) {
    // Only a line starting with a fence character or a space can be a fence: the others skip the regex.
    const first = line.charCodeAt(0);
    const fence = first === 96 || first === 126 || first === 32 ? /^ {0,3}(```+|~~~+)\s*([\w+#.-]*)/.exec(line) : null;
    if (fence && (!open || (fence[1][0] === open.fence[0] && fence[1].length >= open.fence.length && line.trim() === fence[1]))) {
      if (open) {
        if (blocks.length < MAX_BLOCKS) blocks.push({ label: open.label, code: open.lines.join('\n') });
        open = undefined;
      } else {
        open = { label: fence[2].toLowerCase(), lines: [], fence: fence[1] };
      }
    } else if (open) {
      open.lines.push(line);
    } else {
      prose.push(line);
    }
  }
  // An unclosed block is still code: judge what there is.
  if (open && blocks.length < MAX_BLOCKS) blocks.push({ label: open.label, code: open.lines.join('\n') });
  return { text, prose: prose.join('\n'), blocks, unclosed: open !== undefined, clipped, junkShare: junkShare(text) };
}

// The characters junkShare counts (below): one native search finds whether there are any, since most
// answers have none and the character loop was 1–2 % of the gate's time.
const JUNK = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]/;

function junkShare(text: string): number {
  if (text.length === 0) return 0;
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  if (!JUNK.test(sample)) return 0;
  let junk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) junk++;
  }
  return junk / sample.length;
}
