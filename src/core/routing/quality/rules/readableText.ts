/**
 * Prose only: code, inline code, URLs and paths say nothing about the language the user reads. Runs
 * on every local answer (language and topic rules), so each step runs only when the text has the
 * character it looks for, and the two steps a regex does slowly (paths, whitespace) are scans.
 */
export function readableText(text: string): string {
  let t = text;
  if (t.includes('`')) t = t.replace(/`[^`\n]*`/g, ' ');
  if (t.includes('http')) t = t.replace(/https?:\/\/\S+/g, ' ');
  if (t.includes('/') || t.includes('\\')) t = dropPaths(t);
  if (t.includes('(')) t = t.replace(/\b\w+\([^)]*\)/g, ' ');
  return collapseSpace(t);
}

// [A-Za-z0-9_] (a regex's \w), '.', '/', '\' and '-'.
function isPathChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 45 && c <= 57) || c === 95 || c === 92;
}

/**
 * Replaces each run of path characters that holds a slash or backslash by one space: what
 * `replace(/[\w./\\-]*[/\\][\w./\\-]*\/g, ' ')` does, without its backtracking over every word.
 */
function dropPaths(t: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < t.length;) {
    if (!isPathChar(t.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let slash = false;
    for (; j < t.length; j++) {
      const c = t.charCodeAt(j);
      if (!isPathChar(c)) break;
      if (c === 47 || c === 92) slash = true;
    }
    if (slash) {
      out += `${t.slice(copied, i)} `;
      copied = j;
    }
    i = j;
  }
  return copied === 0 ? t : out + t.slice(copied);
}

// A regex's \s: WhiteSpace and LineTerminator (which String.prototype.trim removes too).
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0xa0 ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `replace(/\s+/g, ' ').trim()` as one scan. Text between whitespace runs that need no change (a
 * single space) is copied in one piece: joined word by word, the result was a rope of ~400 pieces
 * that the next reader (eld's input cut) had to flatten.
 */
function collapseSpace(t: string): string {
  let i = 0;
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  let out = '';
  let copyFrom = i; // start of the stretch not yet copied
  let end = i; // end of the last non-space character seen
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (!isSpace(c)) {
      end = ++i;
      continue;
    }
    let j = i + 1;
    while (j < t.length && isSpace(t.charCodeAt(j))) j++;
    if (j === t.length) break; // trailing whitespace: dropped
    if (j > i + 1 || c !== 32) {
      out += `${t.slice(copyFrom, i)} `;
      copyFrom = j;
    }
    i = j;
  }
  return out + t.slice(copyFrom, end);
}
