import type { Clock } from '../../common/Clock';
import type { ChatChunk } from '../chat/ChatChunk';
import { candidateKey } from './Candidate';
import type { HybridChunk, HybridDecision, HybridResult } from './HybridStrategy';
import { describeAttempt, type Attempt } from './Attempt';
import { tierName } from './complexity/TaskComplexity';
import type { CachedAnswer } from './AnswerCache';

/** Separates a replaced local answer from the escalated one in the streamed text. */
export const ESCALATION_SEPARATOR = '\n\n---\n\n';

/**
 * Turns the hybrid strategy's chunks into the chat chunks both front ends render: the model with
 * why it was chosen, notices for warnings and escalation, markdown, and `done` with cost and timing.
 */
export class ChunkTranslator {
  private decision: HybridDecision | undefined;
  private firstTextAt: number | undefined;
  private textShown = false;
  result: HybridResult | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly started: number,
    /** Extra words for the model reason, e.g. "you asked for a local answer (/local)". */
    private readonly modeNote?: string,
  ) {}

  /** True once any answer text has been yielded (after that, nothing may replace the answer). */
  get hasText(): boolean {
    return this.textShown;
  }

  *translate(chunk: HybridChunk): Generator<ChatChunk> {
    switch (chunk.type) {
      case 'decision':
        this.decision = chunk.decision;
        return;
      case 'warning':
        yield { type: 'notice', level: 'warning', message: chunk.message };
        return;
      case 'escalated':
        yield { type: 'notice', level: 'info', message: chunk.explanation };
        if (this.textShown) yield { type: 'markdown', text: ESCALATION_SEPARATOR };
        return;
      case 'model':
        yield { type: 'model', model: chunk.model, provider: chunk.provider, local: chunk.local, reason: this.reason(chunk.provider, chunk.model, chunk.attempts) };
        return;
      case 'text':
        this.firstTextAt ??= this.clock.monotonic();
        this.textShown = true;
        yield { type: 'markdown', text: chunk.text };
        return;
      case 'toolCall':
        this.firstTextAt ??= this.clock.monotonic();
        this.textShown = true;
        yield chunk;
        return;
      case 'done':
        this.result = chunk.result;
        return;
    }
  }

  /** The final `done` chunk for the routed answer. */
  done(): Extract<ChatChunk, { type: 'done' }> | undefined {
    const r = this.result;
    if (!r) return undefined;
    const now = this.clock.monotonic();
    return {
      type: 'done',
      model: r.model,
      usage: r.usage,
      durationMs: Math.round(now - this.started),
      truncated: r.finishReason === 'length',
      local: r.local,
      cost: r.cost,
      ttftMs: this.firstTextAt === undefined ? undefined : Math.round(this.firstTextAt - this.started),
    };
  }

  /** The answer to cache: the final one (after an escalation, the cloud answer alone). */
  answer(): CachedAnswer | undefined {
    const r = this.result;
    return r && { text: r.text, model: r.model, provider: r.provider, local: r.local, usage: r.usage };
  }

  private reason(provider: string, model: string, attempts: Attempt[]): string {
    const parts: string[] = [];
    const d = this.decision;
    if (d) {
      const why = d.complexity.reasons.length > 0 ? ` (${d.complexity.reasons.join(', ')})` : '';
      parts.push(`${tierName(d.complexity.level)} tier${why}`);
    }
    if (this.modeNote) parts.push(this.modeNote);
    else if (d) parts.push(d.why);
    if (d?.privacy.localOnly) parts.push(`kept local: ${d.privacy.reasons.join('; ')}`);
    parts.push(`→ ${provider}:${model}`);
    for (const a of attempts) {
      if (a.outcome === 'skipped') parts.push(`skipped ${candidateKey(a.candidate)}: ${a.reason}`);
      if (a.outcome === 'failed') parts.push(`${candidateKey(a.candidate)} failed: ${describeAttempt(a)}`);
    }
    return parts.join('; ').replace('; →', ' →');
  }
}

/** The chunks of an answer served from the cache. */
export function* cachedChunks(answer: CachedAnswer, note: string, durationMs: number): Generator<ChatChunk> {
  yield { type: 'model', model: answer.model, provider: answer.provider, local: answer.local, reason: `answered from cache: an earlier answer by ${answer.provider}:${answer.model}` };
  yield { type: 'notice', level: 'info', message: note };
  yield { type: 'markdown', text: answer.text };
  // Nothing was computed: no tokens, no cost.
  yield { type: 'done', model: answer.model, usage: { inputTokens: 0, outputTokens: 0 }, durationMs, truncated: false, local: answer.local, cost: { usd: 0 }, ttftMs: durationMs, cached: true };
}
