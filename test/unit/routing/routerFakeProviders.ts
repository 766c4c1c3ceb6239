/**
 * Small in-memory LlmProviders for the routing tests. They are not wire-format doubles: what is
 * under test is the routing logic, which only sees the LlmProvider interface.
 */
import type { FakeClock } from '../../fakes/FakeClock';
import { JarvisError } from '../../../src/common/errors';
import type { FinishReason, LlmProvider, ProviderChatRequest, ProviderChunk, ProviderId } from '../../../src/core/llm/types';

export interface Script {
  /** Text chunks to stream. */
  text?: string[];
  /** Thrown after `failAfter` text chunks (default 0: before any text). */
  error?: unknown;
  failAfter?: number;
  finishReason?: FinishReason;
  /** Model name reported in the final chunk (default: the requested one). */
  reportedModel?: string;
  inputTokens?: number;
  outputTokens?: number;
  /** Milliseconds the fake clock advances before the first chunk and between chunks. */
  ttftMs?: number;
  perChunkMs?: number;
}

export class ScriptedProvider implements LlmProvider {
  readonly calls: ProviderChatRequest[] = [];

  constructor(
    readonly id: ProviderId,
    readonly local: boolean,
    private readonly script: (req: ProviderChatRequest) => Script,
    private readonly clock?: FakeClock,
  ) {}

  async *chat(req: ProviderChatRequest): AsyncIterable<ProviderChunk> {
    this.calls.push(req);
    const s = this.script(req);
    this.clock?.advance(s.ttftMs ?? 0);
    const text = s.text ?? [];
    for (let i = 0; i < text.length; i++) {
      if (s.error !== undefined && i === (s.failAfter ?? 0)) throw s.error;
      if (req.signal?.aborted) throw new JarvisError('cancelled', 'The request was cancelled.');
      if (i > 0) this.clock?.advance(s.perChunkMs ?? 0);
      await Promise.resolve();
      yield { type: 'text', text: text[i] };
    }
    if (s.error !== undefined) throw s.error;
    yield {
      type: 'done',
      model: s.reportedModel ?? req.model,
      finishReason: s.finishReason ?? 'stop',
      usage: { inputTokens: s.inputTokens ?? 100, outputTokens: s.outputTokens ?? 50 },
    };
  }

  /** Models asked for, in order. */
  get models(): string[] {
    return this.calls.map((c) => c.model);
  }
}

export const ok = (text = 'A complete answer.'): Script => ({ text: [text] });
export const fails = (code: ConstructorParameters<typeof JarvisError>[0], message = `simulated ${code}`): Script => ({
  error: new JarvisError(code, message),
});

/** Drains a stream into its chunks. */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const c of it) out.push(c);
  return out;
}

/** Deterministic PRNG (mulberry32) so simulated traffic is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
