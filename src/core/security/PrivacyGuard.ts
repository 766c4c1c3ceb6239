import picomatch from 'picomatch';
import { JarvisError } from '../../common/errors';
import { SECRET_PATTERNS, type SecretPattern } from './secretPatterns';
import { shannonEntropy } from './shannonEntropy';

/** Text that goes with a request: a file, a selection, a terminal excerpt. */
export interface PrivacyAttachment {
  /** Workspace-relative path with forward slashes, when the text comes from a file. */
  path?: string;
  /** Names text without a path in verdicts, e.g. "earlier message 2". */
  label?: string;
  content: string;
}

export interface PrivacyScanInput {
  prompt: string;
  attachments?: PrivacyAttachment[];
}

export interface PrivacyFinding {
  kind: string;
  /** Where: "prompt line 3", "attachment src/db.ts line 12", "file name .env". Never the secret. */
  location: string;
}

export interface PrivacyVerdict {
  /** True when nothing of this request may leave the machine. */
  localOnly: boolean;
  /** One per finding, e.g. "AWS access key id in prompt line 3". Never echoes the secret. */
  reasons: string[];
  findings: PrivacyFinding[];
}

export interface PrivacyGuardOptions {
  /** Workspace-relative globs (picomatch) whose files must never go to the cloud. @default [] */
  localOnlyGlobs?: string[];
  /** Minimum Shannon entropy, bits per char, for a keyword-assigned value to count as a secret. @default 3 */
  minEntropy?: number;
}

// Names that hold credentials by convention. .env.example and friends are meant to be shared.
const SENSITIVE_FILE_GLOBS = [
  '.env',
  '.env.*',
  '*.pem',
  '*.key',
  '*.p12',
  '*.pfx',
  'id_rsa',
  'id_dsa',
  'id_ecdsa',
  'id_ed25519',
  'credentials',
  'credentials.*',
  '.netrc',
  '.pgpass',
  '.npmrc',
  '.pypirc',
];
const SHAREABLE_ENV = /\.env\.(?:example|sample|template|dist|defaults)$/i;
// Values that are obviously not a secret: templates, references, masks.
const PLACEHOLDER = /^(?:\$\{|\{\{|<|%\(|\$[A-Z_])|x{4,}|\*{4,}|\.{4,}|changeme|placeholder|redacted|your[_-]|_here$/i;
const PLACEHOLDER_WORD = /^(?:pass(?:word|wd)?|pwd|secret|token|changeme|admin|user|test)$/i;
// Paths, URLs, URNs and dashed lower-case names (grant-type:token-exchange) are configuration, not keys.
const PATH_LIKE = /^(?:\.{0,2}\/|~\/|[a-z][a-z0-9+.-]*:\/\/|urn:)|\.(?:json|ya?ml|txt|[cm]?[jt]s|md|html?|png|svg|pem|key|env)$|\$\{/i;
const LOWER_WORDS = /^[a-z]+(?:[:/._-][a-z0-9]+)+$/;
const MEMBER_ACCESS = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;

/**
 * Decides whether a request may go to a cloud model. Anything that looks like a credential, a
 * credentials file, or a path the user marked local-only keeps the whole request on this machine.
 * A false positive costs a local answer; a false negative leaks a key, so detection leans wide.
 */
export class PrivacyGuard {
  private readonly isSensitiveName: (base: string) => boolean;
  private readonly isLocalOnlyPath: (path: string) => boolean;
  private readonly minEntropy: number;

  constructor(options: PrivacyGuardOptions = {}) {
    const globs = options.localOnlyGlobs ?? [];
    if (!Array.isArray(globs) || globs.some((g) => typeof g !== 'string' || g.trim() === '')) {
      throw new JarvisError('invalid-input', 'localOnlyGlobs must be an array of non-empty glob strings, such as "secrets/**".');
    }
    const minEntropy = options.minEntropy ?? 3;
    if (typeof minEntropy !== 'number' || !(minEntropy > 0 && minEntropy <= 8)) {
      throw new JarvisError('invalid-input', `minEntropy must be a number of bits per character in (0, 8] (got ${JSON.stringify(options.minEntropy)}).`);
    }
    this.minEntropy = minEntropy;
    const sensitive = picomatch(SENSITIVE_FILE_GLOBS, { dot: true, nocase: true });
    this.isSensitiveName = (base) => sensitive(base) && !SHAREABLE_ENV.test(base);
    const local = globs.length ? picomatch(globs, { dot: true }) : () => false;
    this.isLocalOnlyPath = (path) => local(path);
  }

  scan(input: PrivacyScanInput): PrivacyVerdict {
    if (input === null || typeof input !== 'object' || typeof input.prompt !== 'string') {
      throw new JarvisError('invalid-input', 'A privacy scan needs { prompt: string, attachments?: { path?, content }[] }.');
    }
    const findings: PrivacyFinding[] = [];
    for (const m of this.matches(input.prompt)) findings.push({ kind: m.pattern.label, location: `prompt line ${m.line}` });
    for (const [i, a] of (input.attachments ?? []).entries()) {
      if (a === null || typeof a !== 'object' || typeof a.content !== 'string' || (a.path !== undefined && typeof a.path !== 'string')) {
        throw new JarvisError('invalid-input', `Attachment ${i + 1} must be { path?: string, content: string }.`);
      }
      const path = a.path?.replace(/\\/g, '/').replace(/^\.\//, '');
      const where = path ? `attachment ${path}` : (a.label ?? `attachment ${i + 1}`);
      if (path) {
        const base = path.slice(path.lastIndexOf('/') + 1);
        if (this.isSensitiveName(base)) findings.push({ kind: 'credentials file', location: `file name ${path}` });
        if (this.isLocalOnlyPath(path)) findings.push({ kind: 'local-only path', location: `file ${path} (jarvis local-only globs)` });
      }
      for (const m of this.matches(a.content)) findings.push({ kind: m.pattern.label, location: `${where} line ${m.line}` });
    }
    return {
      localOnly: findings.length > 0,
      reasons: findings.map((f) => `${f.kind} in ${f.location}`),
      findings,
    };
  }

  /** Replaces every detected secret value with `[REDACTED:<kind>]`; the rest of the text is kept. */
  redact(text: string): string {
    if (typeof text !== 'string') throw new JarvisError('invalid-input', 'redact() needs a string.');
    const spans = this.matches(text);
    // Replace from the end so earlier offsets stay valid; overlapping matches keep the outer one.
    spans.sort((a, b) => b.start - a.start);
    let out = text;
    let floor = Infinity;
    for (const s of spans) {
      if (s.end > floor) continue;
      out = `${out.slice(0, s.start)}[REDACTED:${s.pattern.kind}]${out.slice(s.end)}`;
      floor = s.start;
    }
    return out;
  }

  private matches(text: string): Array<{ pattern: SecretPattern; start: number; end: number; line: number }> {
    if (text.length === 0) return [];
    const out: Array<{ pattern: SecretPattern; start: number; end: number; line: number }> = [];
    const taken: Array<[number, number]> = [];
    for (const pattern of SECRET_PATTERNS) {
      // No toLowerCase of the text: on two-byte strings (any non-ASCII char) it cost more than all regexes.
      const hinted = Array.isArray(pattern.hints) ? pattern.hints.some((h) => text.includes(h)) : pattern.hints.test(text);
      if (!hinted) continue;
      pattern.re.lastIndex = 0;
      for (const m of text.matchAll(pattern.re)) {
        const groups = m.groups ?? {};
        const value = groups.value ?? groups.value2 ?? m[0];
        if (pattern.needsEntropy && !this.looksRandom(value, groups.value2 !== undefined)) continue;
        if (pattern.skipPlaceholders && (PLACEHOLDER.test(value) || PLACEHOLDER_WORD.test(value))) continue;
        const start = m.index + m[0].lastIndexOf(value);
        const end = start + value.length;
        // One secret, one finding: "sk-ant-…" also fits the wider keyword pattern when assigned.
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        out.push({ pattern, start, end, line: lineOf(text, start) });
      }
    }
    return out;
  }

  private looksRandom(value: string, unquoted: boolean): boolean {
    if (PLACEHOLDER.test(value) || MEMBER_ACCESS.test(value) || PATH_LIKE.test(value) || LOWER_WORDS.test(value)) return false;
    // Identifiers like max_retry_count look like values on .env lines; secrets mix character classes.
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9_-]/].filter((c) => c.test(value)).length;
    if (classes < 2) return false;
    if (unquoted && /^[A-Za-z_]\w*$/.test(value) && !/\d/.test(value)) return false;
    return shannonEntropy(value) >= this.minEntropy;
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
