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

// Python tracebacks, JS/Java/Go/Rust stack frames and panics, as users paste them into the question.
// Literal anchors only (no leading \w+): a regex that backtracks at every word cost 20 µs on 4 KB.
const STACK =
  /Traceback \(most recent call last\)|\n\s+at [\w$.<>]+ ?\(|\bat [\w$.]+\([\w.]+:\d+\)|(?:Error|Exception): |\bpanic: |\bgoroutine \d+ \[|thread '[^']*' panicked/;

export function hasStackTrace(text: string): boolean {
  return STACK.test(text);
}

/**
 * True for text that carries no words: control characters, NULs or replacement characters make up a
 * large part of it (a binary file pasted by mistake), or it has no letter or digit at all (emoji only).
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 1024 ? text.slice(0, 1024) : text;
  if (sample.length === 0) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd / sample.length > 0.1;
}
