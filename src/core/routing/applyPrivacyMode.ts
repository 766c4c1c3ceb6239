import type { PrivacyMode } from '../config/settings';
import type { ChatMessage } from '../llm/types';
import type { PrivacyFinding, PrivacyGuard, PrivacyVerdict } from '../security/PrivacyGuard';
import type { HybridRequest } from './HybridStrategy';

/** Findings no redaction can lift: files the user, or convention, keeps on this machine. */
const PATH_FINDINGS = new Set(['credentials file', 'local-only path']);

/** What `jarvis.privacy.mode` made of one request. */
export interface PrivacyOutcome {
  /** The request to route: the same object, or (redact) a copy with every secret replaced. */
  request: HybridRequest;
  /** The verdict routing decides on. */
  verdict: PrivacyVerdict;
  /** Replacements made (redact), one kind per replacement. */
  redactions: string[];
  /** What to tell the user before the answer. */
  notice?: string;
  /** block: the reasons a cloud call must be refused; a request that runs locally is answered. */
  blockCloud?: string;
}

/**
 * Applies the privacy mode to a request whose deep scan found something. `keepLocal` keeps the
 * verdict (the request stays local); `redact` replaces each secret in the prompt, history (with
 * memory and editor context), attachments, tool results and tool-call inputs with
 * `[REDACTED:<kind>]`, so what is left may go anywhere; `block` lets routing decide as if nothing were
 * found, and the caller refuses the request if that decision is the cloud.
 */
export async function applyPrivacyMode(mode: PrivacyMode, guard: PrivacyGuard, request: HybridRequest, verdict: PrivacyVerdict): Promise<PrivacyOutcome> {
  const content = verdict.findings.filter((f) => !PATH_FINDINGS.has(f.kind));
  if (mode === 'keepLocal' || content.length === 0) return { request, verdict, redactions: [] };
  const rest = withFindings(verdict.findings.filter((f) => PATH_FINDINGS.has(f.kind)));
  if (mode === 'block') return { request, verdict: rest, redactions: [], blockCloud: content.map((f) => `${f.kind} in ${f.location}`).join('; ') };

  const kinds: string[] = [];
  const redact = async (text: string, fileName?: string): Promise<string> => {
    const r = await guard.redactDeep(text, fileName);
    kinds.push(...r.kinds);
    return r.text;
  };
  // The prompt is also the last user message: redacted once, the same text is used in both places.
  const prompt = await redact(request.prompt);
  const messages =
    request.messages && (await Promise.all(request.messages.map((m) => redactMessage(m, redact, m.content === request.prompt ? prompt : undefined))));
  const attachments = request.attachments && (await Promise.all(request.attachments.map(async (a) => ({ ...a, content: await redact(a.content, a.path) }))));
  const attachedCode = request.context?.attachedCode;
  const context = request.context && { ...request.context, attachedCode: attachedCode === undefined ? undefined : await redactSilently(guard, attachedCode) };
  const distinct = new Set(kinds).size;
  return {
    request: { ...request, prompt, messages, attachments, context },
    verdict: rest,
    redactions: kinds,
    notice:
      kinds.length === 0
        ? undefined
        : `Redacted ${kinds.length} secret${kinds.length === 1 ? '' : 's'} (${[...new Set(kinds)].join(', ')}) before sending: models see [REDACTED:<kind>] in ${distinct === 1 && kinds.length === 1 ? 'its' : 'their'} place (jarvis.privacy.mode is "redact").`,
  };
}

/** `content`: the message's text already redacted (the prompt), so it is not counted twice. */
async function redactMessage(m: ChatMessage, redact: (text: string) => Promise<string>, content?: string): Promise<ChatMessage> {
  const out: ChatMessage = { ...m, content: content ?? (m.content === '' ? '' : await redact(m.content)) };
  if (m.toolResults) out.toolResults = await Promise.all(m.toolResults.map(async (r) => ({ ...r, content: await redact(r.content) })));
  if (m.toolCalls)
    out.toolCalls = await Promise.all(m.toolCalls.map(async (c) => ({ ...c, input: (await redactStrings(c.input, redact)) as Record<string, unknown> })));
  return out;
}

/** Every string inside a tool call's arguments, so the JSON stays valid. */
async function redactStrings(value: unknown, redact: (text: string) => Promise<string>): Promise<unknown> {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return Promise.all(value.map((v) => redactStrings(v, redact)));
  if (value !== null && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await redactStrings(v, redact)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

/** The attachments joined for complexity analysis: already counted through the attachments. */
async function redactSilently(guard: PrivacyGuard, text: string): Promise<string> {
  return (await guard.redactDeep(text)).text;
}

function withFindings(findings: PrivacyFinding[]): PrivacyVerdict {
  return { localOnly: findings.length > 0, findings, reasons: findings.map((f) => `${f.kind} in ${f.location}`) };
}
