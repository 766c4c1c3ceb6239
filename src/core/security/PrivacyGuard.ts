import { lazyGlob } from '../../common/lazyGlob';
import { JarvisError } from '../../common/errors';
import { genericCredentials } from './genericCredentials';
import { contentShowsNoSecret, credentialFieldRanges, hasCredentialFields, SENSITIVE_FILE_GLOBS, SHAREABLE_ENV } from './credentialsFiles';
import { notASecret } from './notASecret';
import { publicInContext } from './publicInContext';
import { SECRET_PATTERNS } from './secretPatterns';
import { SecretlintScanner } from './SecretlintScanner';
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
  /**
   * The second detector of `scanDeep`/`redactDeep` (tests replace it). @default secretlint's
   * recommended preset, loaded on first use
   */
  deepScanner?: (text: string, fileName?: string) => Promise<Array<{ kind: string; label: string; start: number; end: number }>>;
  /**
   * The generic contextual detector (`genericCredentials`: a credential-like name or a vendor-looking
   * prefix before a random value) as one more finding source, kind `generic-credential`. @default true
   */
  genericCredentials?: boolean;
}

/** A detected secret as a range of the scanned text. */
interface SecretSpan {
  kind: string;
  label: string;
  start: number;
  end: number;
}

/** What `redactDeep` did to one text. */
export interface Redaction {
  text: string;
  /** How many secrets were replaced. */
  count: number;
  /** Their kinds, one entry per replacement. */
  kinds: string[];
}

// Values that are obviously not a secret: templates, references, masks.
const PLACEHOLDER = /^(?:\$\{|\{\{|<|%\(|\$[A-Z_])|x{4,}|\*{4,}|\.{4,}|changeme|placeholder|redacted|your[_-]|_here$/i;
const PLACEHOLDER_WORD = /^(?:pass(?:word|wd)?|pwd|secret|token|changeme|admin|user|test)$/i;
// Paths, URLs, URNs and dashed lower-case names (grant-type:token-exchange) are configuration, not keys.
const PATH_LIKE = /^(?:\.{0,2}\/|~\/|[a-z][a-z0-9+.-]*:\/\/|urn:)|\.(?:json|ya?ml|txt|[cm]?[jt]s|md|html?|png|svg|pem|key|env)$|\$\{/i;
const LOWER_WORDS = /^[a-z]+(?:[:/._-][a-z0-9]+)+$/;
// The providers' documentation keys (AKIAIOSFODNN7EXAMPLE, …/bPxRfiCYEXAMPLEKEY) are published on purpose.
const DOCUMENTATION_EXAMPLE = /EXAMPLE(?:KEY)?$/;
// One part of an identifier: lower-case or Capitalised words and short acronyms, a version digit or two.
// Session 19: the letters of every language (a Spanish string resource's `"Contraseña"` is a word, not a key).
const IDENTIFIER_PART = /^(?:\p{Ll}{2,}|\p{Lu}\p{Ll}+|\p{Lu}{2,6}(?!\p{Ll}))(?:\p{Lu}\p{Ll}+|\p{Lu}{2,6}(?!\p{Ll}))*(?:\p{Lu}?\d{1,2})?$/u;
const MEMBER_ACCESS = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+$/;

/**
 * Decides whether a request may go to a cloud model. Anything that looks like a credential, a
 * credentials file, or a path the user marked local-only keeps the whole request on this machine.
 * A false positive costs a local answer; a false negative leaks a key, so detection leans wide.
 */
export class PrivacyGuard {
  private readonly isSensitiveName: (base: string) => boolean;
  private readonly isLocalOnlyPath: (path: string) => boolean;
  private readonly minEntropy: number;
  private readonly generic: boolean;
  private readonly deepScanner: NonNullable<PrivacyGuardOptions['deepScanner']>;

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
    if (options.genericCredentials !== undefined && typeof options.genericCredentials !== 'boolean') {
      throw new JarvisError('invalid-input', `genericCredentials must be true or false (got ${JSON.stringify(options.genericCredentials)}).`);
    }
    this.generic = options.genericCredentials ?? true;
    this.deepScanner = options.deepScanner ?? ((text, fileName) => SecretlintScanner.scan(text, fileName));
    // Compiled on the first attachment checked, not when the guard is built (at activation).
    const sensitive = lazyGlob(SENSITIVE_FILE_GLOBS, { dot: true, nocase: true });
    this.isSensitiveName = (base) => sensitive(base) && !SHAREABLE_ENV.test(base);
    const local = globs.length ? lazyGlob(globs, { dot: true }) : () => false;
    this.isLocalOnlyPath = (path) => local(path);
  }

  /** The guard's own rules only: synchronous, for callers that cannot wait (see scanDeep). */
  scan(input: PrivacyScanInput): PrivacyVerdict {
    return this.verdict(input, (text, i) => this.matches(text, i === 0 ? undefined : input.attachments?.[i - 1]?.path));
  }

  /**
   * The guard's rules plus the maintained detector (secretlint's recommended preset): what decides
   * whether a request may leave the machine. The first call loads the detector.
   */
  async scanDeep(input: PrivacyScanInput): Promise<PrivacyVerdict> {
    checkInput(input);
    const texts = [input.prompt, ...(input.attachments ?? []).map((a) => a.content)];
    const paths = [undefined, ...(input.attachments ?? []).map((a) => a.path)];
    const spans = await Promise.all(texts.map((t, i) => this.deepMatches(t, paths[i])));
    return this.verdict(input, (_text, i) => spans[i]);
  }

  private verdict(input: PrivacyScanInput, spansOf: (text: string, index: number) => SecretSpan[]): PrivacyVerdict {
    checkInput(input);
    const findings: PrivacyFinding[] = [];
    for (const m of spansOf(input.prompt, 0)) findings.push({ kind: m.label, location: `prompt line ${lineOf(input.prompt, m.start)}` });
    for (const [i, a] of (input.attachments ?? []).entries()) {
      const path = a.path?.replace(/\\/g, '/').replace(/^\.\//, '');
      const where = path ? `attachment ${path}` : (a.label ?? `attachment ${i + 1}`);
      if (path) {
        const base = path.slice(path.lastIndexOf('/') + 1);
        if (this.isSensitiveName(base) && !contentShowsNoSecret(base, a.content)) findings.push({ kind: 'credentials file', location: `file name ${path}` });
        if (this.isLocalOnlyPath(path)) findings.push({ kind: 'local-only path', location: `file ${path} (jarvis local-only globs)` });
      }
      for (const m of spansOf(a.content, i + 1)) findings.push({ kind: m.label, location: `${where} line ${lineOf(a.content, m.start)}` });
    }
    return {
      localOnly: findings.length > 0,
      reasons: findings.map((f) => `${f.kind} in ${f.location}`),
      findings,
    };
  }

  /** Replaces every secret the guard's own rules find with `[REDACTED:<kind>]`; the rest is kept. */
  redact(text: string): string {
    if (typeof text !== 'string') throw new JarvisError('invalid-input', 'redact() needs a string.');
    return replaceSpans(text, this.matches(text)).text;
  }

  /** Like redact, with the maintained detector too (see scanDeep), and says how many it replaced. */
  async redactDeep(text: string, fileName?: string): Promise<Redaction> {
    if (typeof text !== 'string') throw new JarvisError('invalid-input', 'redactDeep() needs a string.');
    return replaceSpans(text, await this.deepMatches(text, fileName));
  }

  /** Both detectors' spans, overlapping ones merged (one secret, one finding). */
  private async deepMatches(text: string, fileName?: string): Promise<SecretSpan[]> {
    const own = this.matches(text, fileName);
    if (text.length === 0) return own;
    // secretlint's findings pass the same not-a-secret checks as the guard's own (placeholders, references, published keys).
    const more = (await this.deepScanner(text, fileName)).filter(
      (m) => notASecret(text.slice(m.start, m.end)) === undefined && publicInContext(text, m.start, m.end) === undefined,
    );
    const out = [...own];
    for (const m of more) {
      const overlapping = out.filter((o) => m.start < o.end && m.end > o.start);
      if (overlapping.length === 0) out.push(m);
      else for (const o of overlapping) [o.start, o.end] = [Math.min(o.start, m.start), Math.max(o.end, m.end)];
    }
    return out.sort((a, b) => a.start - b.start);
  }

  private matches(text: string, path?: string): SecretSpan[] {
    if (text.length === 0) return [];
    const out: SecretSpan[] = [];
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
        if (DOCUMENTATION_EXAMPLE.test(value) || (pattern.randomBody && !looksLikeToken(groups.body ?? value))) continue;
        if (notASecret(value) !== undefined || (pattern.validate && !pattern.validate(value, m))) continue;
        const start = m.index + m[0].lastIndexOf(value);
        const end = start + value.length;
        // One secret, one finding: "sk-ant-…" also fits the wider keyword pattern when assigned.
        if (taken.some(([s, e]) => start < e && end > s) || publicInContext(text, start, end) !== undefined) continue;
        taken.push([start, end]);
        out.push({ kind: pattern.kind, label: pattern.label, start, end });
      }
    }
    const base = path?.replace(/\\/g, '/').split('/').pop() ?? '';
    // A credentials file of one token (by its name) is a key file before the generic detector reads it (session 18:
    // the generic detector also reads files named for a secret, and the key file's kind is the more precise).
    const keyFile = path !== undefined && out.length === 0 && !hasCredentialFields(base) ? this.bareKeyFile(text, path) : undefined;
    if (keyFile) {
      taken.push([keyFile.start, keyFile.end]);
      out.push(keyFile);
    }
    // The generic detector last: where a rule knows the format, its kind and span are the more precise.
    for (const { start, end } of this.generic ? genericCredentials(text, path) : []) {
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      out.push({ kind: 'generic-credential', label: 'credential (generic detector)', start, end });
    }
    if (path !== undefined) {
      // A credentials file's fields (`.pgpass`, `.netrc`): their values are the secrets, whatever they look like.
      for (const [start, end] of this.isSensitiveName(base) ? credentialFieldRanges(base, text) : []) {
        if (!taken.some(([s, e]) => start < e && end > s)) out.push({ kind: 'credentials-file-field', label: 'credential in a credentials file', start, end });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /**
   * A credentials file (by name: `config/master.key`, `secret.key`) that holds nothing but one random
   * token: the token is the secret, though no rule knows its shape. Without this span the file stays
   * local by its name but redaction would leave the key in place.
   */
  private bareKeyFile(text: string, path: string): SecretSpan | undefined {
    const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
    const token = text.trim();
    if (!this.isSensitiveName(base) || !/^[A-Za-z0-9+/=_.:~-]{16,512}$/.test(token) || !this.looksRandom(token, true)) return undefined;
    if (notASecret(token) !== undefined) return undefined;
    const start = text.indexOf(token);
    return { kind: 'key-file', label: 'key in a credentials file', start, end: start + token.length };
  }

  private looksRandom(value: string, unquoted: boolean): boolean {
    if (PLACEHOLDER.test(value) || isMemberAccess(value) || PATH_LIKE.test(value) || (LOWER_WORDS.test(value) && !hasTokenPart(value))) return false;
    // Identifiers like max_retry_count look like values on .env lines; secrets mix character classes.
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9_-]/].filter((c) => c.test(value)).length;
    if (classes < 2) return false;
    if (unquoted && /^[A-Za-z_]\w*$/.test(value) && !/\d/.test(value)) return false;
    // Names made of words and acronyms (`"EnvironmentCredential"`, `"msal:acquireTokenStart"`,
    // `FlowPasswordRequiredResultV2`) are identifiers even when quoted: no random part.
    if (value.split(/[_:.-]/).every((part) => IDENTIFIER_PART.test(part))) return false;
    return shannonEntropy(value) >= this.minEntropy;
  }
}

/**
 * `object.property` chains are code, not values, unless a part is token-shaped: a MailerSend `mlsn.<64 hex>`
 * or a kubeadm `abcdef.0123456789abcdef` token also has a dot between identifier-like parts (session 13).
 */
function isMemberAccess(value: string): boolean {
  return MEMBER_ACCESS.test(value) && !hasTokenPart(value);
}

/** A part between dots (or other separators) that is long and carries digits: random, not a word. */
function hasTokenPart(value: string): boolean {
  return value.split(/[?:/._-]+/).some((part) => part.length >= 12 && (part.match(/\d/g)?.length ?? 0) >= 3);
}

/** A prefix token's value that is not a placeholder: no long runs (`xxxxxx`, `000000`), some randomness. */
function looksLikeToken(value: string): boolean {
  return !/(.)\1{5,}/.test(value) && shannonEntropy(value) >= 3;
}

function checkInput(input: PrivacyScanInput): void {
  if (input === null || typeof input !== 'object' || typeof input.prompt !== 'string') {
    throw new JarvisError('invalid-input', 'A privacy scan needs { prompt: string, attachments?: { path?, content }[] }.');
  }
  for (const [i, a] of (input.attachments ?? []).entries()) {
    if (a === null || typeof a !== 'object' || typeof a.content !== 'string' || (a.path !== undefined && typeof a.path !== 'string')) {
      throw new JarvisError('invalid-input', `Attachment ${i + 1} must be { path?: string, content: string }.`);
    }
  }
}

/** Replaces spans from the end so earlier offsets stay valid; a span inside an earlier replaced one is skipped. */
function replaceSpans(text: string, spans: SecretSpan[]): Redaction {
  const sorted = [...spans].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let floor = Infinity;
  const kinds: string[] = [];
  for (const s of sorted) {
    if (s.end > floor) continue;
    out = `${out.slice(0, s.start)}[REDACTED:${s.kind}]${out.slice(s.end)}`;
    floor = s.start;
    kinds.unshift(s.kind);
  }
  return { text: out, count: kinds.length, kinds };
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
