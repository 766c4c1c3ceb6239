import type { PrivacyMode } from '../../config/settings';
import type { PrivacyGuard } from '../../security/PrivacyGuard';

/**
 * What a cloud quality judge may receive under the privacy mode: the question and local answer as
 * they are, redacted (mode `redact`), or nothing (a secret under `keepLocal` or `block` stays on this
 * machine). The local answer is scanned too: it may quote what the question did not show.
 */
export function cloudJudgeContent(
  guard: Pick<PrivacyGuard, 'scan' | 'redact'>,
  mode: PrivacyMode,
  question: string,
  answer: string,
): { question: string; answer: string } | undefined {
  const found = guard.scan({ prompt: question, attachments: [{ label: 'local answer', content: answer }] });
  if (!found.localOnly) return { question, answer };
  if (mode !== 'redact') return undefined;
  const redacted = { question: guard.redact(question), answer: guard.redact(answer) };
  // A finding no redaction lifts (a local-only path) would still be there: then nothing goes.
  return guard.scan({ prompt: redacted.question, attachments: [{ label: 'local answer', content: redacted.answer }] }).localOnly ? undefined : redacted;
}
