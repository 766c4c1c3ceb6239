import type { Clock } from '../../common/Clock';
import type { AnswerMode, ChatChunk } from '../chat/ChatChunk';
import { candidateKey } from './Candidate';
import type { HybridChunk, HybridDecision, HybridResult } from './HybridStrategy';
import { describeAttempt, type Attempt } from './Attempt';
import { tierName } from './complexity/TaskComplexity';
import type { CachedAnswer } from './AnswerCache';

/** The one-line note over a folded local answer: "local answer replaced: repeats itself". */
export function replacedNote(note: string): string {
  return `local answer replaced: ${note}`;
}

/**
 * Turns the hybrid strategy's chunks into the chat chunks both front ends render: the model with
 * why it was chosen, notices for warnings and escalation, markdown, and `done` with cost and timing.
 */
export class ChunkTranslator {
  private decision: HybridDecision | undefined;
  private firstTextAt: number | undefined;
  private textShown = false;
  /** Local text held back while the quality gate may still replace it (modes hold and final-only). */
  private held: string[] | undefined;
  private currentModel = '';
  result: HybridResult | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly started: number,
    /** Extra words for the model reason, e.g. "you asked for a local answer (/local)". */
    private readonly modeNote?: string,
    private readonly mode: AnswerMode = 'fold',
    /** False when no cloud model could take an escalation (no key, no vscode.lm model): nothing is held. */
    private readonly canEscalate = true,
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
      case 'judged': {
        const j = chunk.judge;
        const cost = 'usd' in j.cost ? (j.local ? 'no cost (local)' : `$${j.cost.usd.toFixed(4)}`) : 'cost unknown';
        const verdict = j.verdict === 'unknown' ? j.reason : `${j.verdict}: ${j.reason}`;
        yield {
          type: 'notice',
          level: 'info',
          message: `Quality judge ${j.model} (${j.local ? 'local' : 'cloud'}) — ${verdict} · ${cost} · ${(j.durationMs / 1000).toFixed(1)} s`,
        };
        return;
      }
      case 'escalated': {
        const held = this.held?.join('');
        this.held = undefined;
        const text = this.mode === 'hold' && held ? { text: held } : {};
        yield { type: 'replaced', note: replacedNote(chunk.note), model: this.currentModel, ...text };
        yield { type: 'notice', level: 'info', message: chunk.explanation };
        return;
      }
      case 'model':
        this.currentModel = chunk.model;
        // A local answer the gate may still replace is held back, except in the chat view (it folds).
        if (this.mode !== 'fold' && chunk.local && this.mayEscalate()) this.held = [];
        yield {
          type: 'model',
          model: chunk.model,
          provider: chunk.provider,
          local: chunk.local,
          reason: this.reason(chunk.provider, chunk.model, chunk.attempts),
        };
        if (this.held) yield { type: 'progress', message: `Checking ${chunk.model}'s answer before showing it…` };
        return;
      case 'text':
        this.firstTextAt ??= this.clock.monotonic();
        if (this.held) {
          this.held.push(chunk.text);
          return;
        }
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
        yield* this.release();
        return;
    }
  }

  /** Held local text that was kept (the gate passed it, or it could not be escalated) is shown now. */
  private *release(): Generator<ChatChunk> {
    const held = this.held;
    this.held = undefined;
    if (held && held.length > 0) {
      this.textShown = true;
      yield { type: 'markdown', text: held.join('') };
    }
  }

  /** Whether the strategy could still escalate a local answer of this request. */
  private mayEscalate(): boolean {
    const d = this.decision;
    return this.canEscalate && !!d && d.placement === 'local' && d.requested === 'auto' && !d.privacy.localOnly && !d.cloudBlocked;
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
  yield {
    type: 'model',
    model: answer.model,
    provider: answer.provider,
    local: answer.local,
    reason: `answered from cache: an earlier answer by ${answer.provider}:${answer.model}`,
  };
  yield { type: 'notice', level: 'info', message: note };
  yield { type: 'markdown', text: answer.text };
  // Nothing was computed: no tokens, no cost.
  yield {
    type: 'done',
    model: answer.model,
    usage: { inputTokens: 0, outputTokens: 0 },
    durationMs,
    truncated: false,
    local: answer.local,
    cost: { usd: 0 },
    ttftMs: durationMs,
    cached: true,
  };
}
