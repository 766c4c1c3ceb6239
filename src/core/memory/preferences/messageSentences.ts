/**
 * Splits a chat message into the sentences worth reading for preferences, leaving out what was pasted
 * as data: fenced code blocks, indented code, quoted lines, stack traces and log lines. A comment inside
 * pasted code ("// we always use tabs") is the code's business, not the user's preference.
 */

/** Longest message read; a 1 MB paste must not cost more than its first part. */
export const MAX_MESSAGE_CHARS = 8_000;
/** Sentences longer than this are prose dumps or minified data, not a stated preference. */
export const MAX_SENTENCE_CHARS = 300;
/** At most this many sentences per message are classified. */
export const MAX_SENTENCES = 40;

const FENCE = /^\s*(```|~~~)/;

/** A line that is code, a log record or a stack frame rather than something the user says. */
export function looksLikeData(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (/^( {4}|\t)/.test(line) && !/^\s*[-*•]\s/.test(line)) return true; // indented block (Markdown code)
  if (/^>/.test(t)) return true; // quoted text: somebody else's words
  // A comment line (shell/Python/YAML #, C-family //, SQL/Lua --, block /* */ and * continuations, HTML <!-- -->,
  // Lisp/ini ;): a comment inside pasted code is the code's business, even when it reads like a rule.
  if (/^(#(?!\d)|\/\/|--(?!-)|\/\*|\*\/|\*\s|<!--|-->|;)/.test(t)) return true;
  if (/^File\s+"[^"]+",\s+line\s+\d+/.test(t)) return true; // Python traceback frame
  if (/^(error|warning|warn|note|hint|info|debug|fatal|panic|fehler|warnung|advertencia|erreur|avertissement)(\[[\w-]+\])?\s*:/i.test(t)) return true; // compiler / linter log line
  if (/^at\s+\S+.*[:(]\d+(:\d+)?\)?$/.test(t)) return true; // stack frame
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(t)) return true; // timestamped log record
  if (/^(\[[\w :.-]+\]\s*)?(ERROR|WARN(ING)?|INFO|DEBUG|TRACE|FATAL|FAIL|PASS|FEHLER|WARNUNG|AVERTISSEMENT|ERREUR)\b/.test(t)) return true;
  if (/^(npm|yarn|pnpm) (ERR!|WARN|warn|error)/.test(t)) return true;
  if (/^(\w+Error|Error|Exception|Traceback)\b.*:/.test(t)) return true;
  // A runtime's own prefix before the level: "PHP Fatal error:", "Go panic:", "Node warning:", "Uncaught TypeError".
  // The runtime is an acronym or a known name and the level is capitalised, so "Log every error: …" stays prose.
  if (/^(?:[A-Z]{2,}\w*|Node|Python|Ruby|Java|Deno|Bun|Go)(?: [A-Z]\w+)? (?:[Ff]atal error|[Pp]arse error|[Ee]rror|Warning|Notice|panic|Exception)\s*:/.test(t))
    return true;
  if (/^(?:Stack trace|Caused by)\s*:/.test(t) || /\b(?:Uncaught|Unhandled)\s+\w*(?:Error|Exception)\b/.test(t)) return true;
  if (/^[●✕✓×]/.test(t)) return true; // test-runner output
  if (/[;{}]\s*$/.test(t) && /[=(){}]/.test(t)) return true; // a statement or block
  if (/^(const|let|var|function|def|class|import|export|return|if|for|while|public|private|fn|func|package)\b.*[=({:;]/.test(t)) return true;
  if (/^[\w.$-]+\s*[:=]\s*\S+$/.test(t) && !/\s\w+\s/.test(t)) return true; // key = value config line
  if (/^\[[^\]]*\]$/.test(t)) return true; // ini / editorconfig section
  if (/^\S+\.\w{1,6}:\d+(:\d+)?:/.test(t)) return true; // path:line:col: message (ktlint, gcc, tsc --pretty false)
  if (/^\d+:\d+\s+(error|warning|warn)\b/.test(t)) return true; // eslint's stylish format
  if (/^[\w./\\-]+\.\w{1,6}$/.test(t) && /[/\\.]/.test(t)) return true; // a bare file path (the header of a lint report)
  if (/^[A-Z][A-Z0-9]*_[A-Z0-9_]{3,}\b/.test(t)) return true; // an error code: ERR_PNPM_OUTDATED_LOCKFILE, E_ACCESS_DENIED
  if (/^\$\s+\S/.test(t)) return true; // a shell prompt
  if (/^\[\d+\/\d+\]/.test(t)) return true; // progress steps: [1/4] Resolving packages...
  if (/^[\w.@/-]+ [\w:-]+ v?\d+\.\d+(\.\d+)?\b/.test(t) && t.split(/\s+/).length <= 4) return true; // a tool's banner: yarn install v1.22.19
  if (/^(error|warning|info|success|verbose)\s+(?=[A-Z"'@`])/.test(t)) return true; // yarn / pip log levels without a colon
  if (/\(\w*(Error|Exception)\)/.test(t) || /^\*\*\s*\(/.test(t)) return true; // Elixir / Erlang "** (FunctionClauseError) …"
  if (/^(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH)\b.*\b(FROM|INTO|SET|TABLE|WHERE|VALUES|AS)\b/.test(t)) return true; // SQL
  if (/^[\w.-]+:$/.test(t)) return true; // a Makefile target or YAML key opening a block
  if (/^(return|yield|await|raise|throw|end|fi|done|esac|else|elif|break|continue|pass)\b/.test(t) && !/[.!?]$/.test(t) && t.split(/\s+/).length <= 6)
    return true; // a bare statement
  const symbols = (t.match(/[{}()[\];=<>|&$#@\\]/g) ?? []).length;
  return t.length >= 12 && symbols / t.length > 0.15;
}

/** The message's own sentences (trimmed, in order), without pasted code and logs. */
export function messageSentences(text: string): string[] {
  const clipped = text.length > MAX_MESSAGE_CHARS ? text.slice(0, MAX_MESSAGE_CHARS) : text;
  const prose: string[] = [];
  let inFence = false;
  // Unfenced code: after a data line that opens a block ("function f() {"), every line is data until it closes.
  let depth = 0;
  for (const line of clipped.split(/\r?\n/)) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    const data = inFence || depth > 0 || looksLikeData(line);
    if (data && !inFence) depth = Math.max(0, depth + (line.match(/{/g) ?? []).length - (line.match(/}/g) ?? []).length);
    if (data) {
      prose.push('\n'); // a gap: sentences never join across pasted data
      continue;
    }
    prose.push(line.replace(/`[^`\n]{40,}`/g, ' ')); // long inline code is data too
  }
  const out: string[] = [];
  for (const block of prose.join('\n').split(/\n\s*\n|\n(?=\s*[-*•\d]+[.)]?\s)/)) {
    // Sentence ends: . ! ? ; followed by space/end, but not inside numbers ("1.5") or abbreviations like "e.g.".
    const parts = block.replace(/\b(e\.g|i\.e|z\.B|bzw|etc|vs|p\.ej|p\. ej|cf)\./gi, (m) => m.replace(/\./g, '\u2024')).split(/(?<=[.!?;])\s+|\n+/);
    for (const raw of parts) {
      const s = raw
        .replace(/\u2024/g, '.')
        .replace(/^\s*[-*•]\s+|^\s*\d+[.)]\s+/, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (s.length < 3 || s.length > MAX_SENTENCE_CHARS) continue;
      out.push(s);
      if (out.length >= MAX_SENTENCES) return out;
    }
  }
  return out;
}
