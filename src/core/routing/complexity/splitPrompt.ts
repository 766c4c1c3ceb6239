/** A prompt split into the prose the user wrote and the code pasted into it. */
export interface PromptParts {
  prose: string;
  /** Lines inside ``` fences. */
  fencedLines: number;
}

/**
 * Splits pasted ``` code from the prose around it. Only the prose is read for the kind of ask (an
 * identifier named `auth` in pasted code is not a security question); code counts by its size.
 */
export function splitPrompt(prompt: string): PromptParts {
  if (!prompt.includes('```')) return { prose: prompt, fencedLines: 0 };
  const prose: string[] = [];
  let fencedLines = 0;
  let inside = false;
  for (let start = 0; start <= prompt.length;) {
    let end = prompt.indexOf('\n', start);
    if (end === -1) end = prompt.length;
    const line = prompt.slice(start, end);
    if (line.trimStart().startsWith('```')) inside = !inside;
    else if (inside) fencedLines++;
    else prose.push(line);
    start = end + 1;
  }
  return { prose: prose.join('\n'), fencedLines };
}

export function countLines(text: string | undefined): number {
  if (!text || text.trim() === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

// Python tracebacks, JS/Java/Go/Rust stack frames and panics, as users paste them into the question:
//   Traceback (most recent call last) | \n\s+at [\w$.<>]+ ?\( | \bat [\w$.]+\([\w.]+:\d+\) |
//   (?:Error|Exception): | \bpanic: | \bgoroutine \d+ \[ | thread '[^']*' panicked
// as one regex, irregexp tried every alternative at every position (18 µs on 4 KB of prose, a literal
// alone takes 0.2 µs), so each alternative runs only where its literal part occurs.
const JS_FRAME = /at [\w$.<>]+ ?\(/y;
const JAVA_FRAME = /at [\w$.]+\([\w.]+:\d+\)/y;
const PANIC = /\bpanic: /;
const GOROUTINE = /\bgoroutine \d+ \[/;
const RUST_PANIC = /thread '[^']*' panicked/;
const SPACE = /\s/;

export function hasStackTrace(text: string): boolean {
  if (text.includes('Traceback (most recent call last)') || text.includes('Error: ') || text.includes('Exception: ')) return true;
  if (text.includes('panic: ') && PANIC.test(text)) return true;
  if (text.includes('goroutine ') && GOROUTINE.test(text)) return true;
  if (text.includes("' panicked") && RUST_PANIC.test(text)) return true;
  for (let i = text.indexOf('at '); i !== -1; i = text.indexOf('at ', i + 1)) {
    // "that ", "format ": no word boundary before "at", so neither frame form can start here.
    if (i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
    JAVA_FRAME.lastIndex = i;
    if (JAVA_FRAME.test(text)) return true;
    JS_FRAME.lastIndex = i;
    if (afterIndent(text, i) && JS_FRAME.test(text)) return true;
  }
  return false;
}

/** \n\s+ ends right before i: a run of white space before i holds a line break with more space after it. */
function afterIndent(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0 && SPACE.test(text[k]); k--) if (k < i - 1 && text.charCodeAt(k) === 10) return true;
  return false;
}

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * True for text that carries no words: control characters, NULs or replacement characters make up a
 * large part of it (a binary file pasted by mistake), or it has no letter or digit at all (emoji only).
 */
const ODD_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]/;

export function looksBinary(text: string): boolean {
  const sample = text.length > 1024 ? text.slice(0, 1024) : text;
  // Nearly every prompt has none of the characters counted below: one regex scan settles those.
  if (sample.length === 0 || !ODD_CHAR.test(sample)) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd / sample.length > 0.1;
}
