import { isAbortError } from '../../../common/abort';
import type { Clock } from '../../../common/Clock';
import { errorMessage } from '../../../common/errors';
import type { Cost } from '../../llm/pricing/PricingTable';
import type { ChatMessage, LlmProvider, TokenUsage } from '../../llm/types';
import { systemTimer, type Timer } from '../../resilience/Timer';

/** What the judge said about one answer, with what asking it cost. */
export interface JudgeVerdict {
  verdict: 'good' | 'bad' | 'unknown';
  /** The judge's reason, or why there is no verdict ("timed out after 15 s"). */
  reason: string;
  model: string;
  /** The provider's id (`openai`, `ollama`…): the egress ledger names it. */
  provider: string;
  local: boolean;
  cost: Cost;
  durationMs: number;
  /** What was sent to the judge, so a cloud judge's request is recorded like any other cloud call. */
  messages: ChatMessage[];
  usage?: TokenUsage;
}

export interface JudgeOptions {
  provider: LlmProvider;
  model: string;
  question: string;
  answer: string;
  /** The rules' findings, so the judge looks at what they could not see. */
  ruleNotes?: string[];
  /** Longest wait for the judge's verdict. @default 15 s */
  timeoutMs?: number;
  /** Prices the judge's tokens (cloud); a local judge costs nothing. */
  price?: (model: string, usage: TokenUsage) => Cost;
  clock: Clock;
  timer?: Timer;
  signal?: AbortSignal;
}

/** The answer is clipped for the judge: the rubric needs the gist, and a long prompt costs more. */
const MAX_JUDGED_CHARS = 6000;

export const JUDGE_RUBRIC = [
  'You review one answer of a coding assistant to a user question. Decide whether a careful senior engineer would accept it as is.',
  'Reply BAD if any of these holds:',
  '- it uses a function, method, flag, option or package that does not exist in the language or library it names (an invented API);',
  '- its reasoning or facts are wrong, or its code would not do what the question asks;',
  '- it does not answer the question that was asked (off-topic, hedging, or a promise with nothing after it);',
  '- its code is in another programming language than the one asked for, or is a placeholder (TODO, "your code here");',
  '- it repeats itself, or is in another natural language than the question.',
  'Otherwise reply GOOD. Style, brevity and missing extras are not reasons for BAD.',
  'Reply with exactly one line: "GOOD: <reason>" or "BAD: <reason>", the reason in at most 15 words.',
].join('\n');

/**
 * Asks a model to review an answer against the rubric, within a time box. Never throws for the
 * judge's own failures (error, timeout, no verdict): the verdict is then `unknown` and the rules'
 * score stands. Cancellation by the user propagates.
 */
export async function judgeAnswer(options: JudgeOptions): Promise<JudgeVerdict> {
  const { provider, model, clock } = options;
  const timer = options.timer ?? systemTimer;
  const started = clock.monotonic();
  const abort = new AbortController();
  let timedOut = false;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const handle = timer.setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  const onOuterAbort = () => abort.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let reply = '';
  let usage: TokenUsage | undefined;
  const notes = options.ruleNotes?.length ? `\n\nAutomatic checks noted: ${options.ruleNotes.join('; ')}.` : '';
  const messages: ChatMessage[] = [
    { role: 'system', content: JUDGE_RUBRIC },
    { role: 'user', content: `Question:\n${options.question.slice(0, 2000)}\n\nAnswer:\n${options.answer.slice(0, MAX_JUDGED_CHARS)}${notes}` },
  ];
  const base = { model, provider: provider.id, local: provider.local, messages };
  const finish = (verdict: JudgeVerdict['verdict'], reason: string): JudgeVerdict => ({
    ...base,
    verdict,
    reason,
    cost: provider.local ? { usd: 0 } : usage && options.price ? options.price(model, usage) : { unknown: true },
    durationMs: Math.round(clock.monotonic() - started),
    ...(usage ? { usage } : {}),
  });
  try {
    for await (const chunk of provider.chat({
      model,
      messages,
      temperature: 0,
      maxTokens: 60,
      signal: abort.signal,
    })) {
      if (chunk.type === 'text') reply += chunk.text;
      else if (chunk.type === 'done') usage = chunk.usage;
    }
  } catch (e) {
    if (options.signal?.aborted) throw e;
    if (timedOut) return finish('unknown', `judge ${model} timed out after ${Math.round(timeoutMs / 1000)} s`);
    if (isAbortError(e)) throw e;
    return finish('unknown', `judge ${model} failed: ${errorMessage(e)}`);
  } finally {
    timer.clearTimeout(handle);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
  const m = /\b(GOOD|BAD)\b\s*[:\-–]?\s*(.*)/i.exec(reply.replace(/[*_`]/g, ''));
  if (!m) return finish('unknown', `judge ${model} gave no verdict (${JSON.stringify(reply.slice(0, 40))})`);
  const reason = m[2].trim().split('\n')[0].slice(0, 160) || (m[1].toUpperCase() === 'GOOD' ? 'looks right' : 'not acceptable');
  return finish(m[1].toUpperCase() === 'GOOD' ? 'good' : 'bad', reason);
}
