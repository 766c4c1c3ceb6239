/**
 * The simulated models behind the HTTP fakes: how fast each model is, how often it fails, and how
 * likely its answer is to be good enough, by the tier a human gave the request. Every draw is a
 * hash of (scenario seed, model, request, how many times that model was asked that request, what is
 * drawn), so the baseline and Jarvis meet the same fortune when they ask the same model the same
 * thing (common random numbers), and a run is reproducible.
 */
import { createHash } from 'node:crypto';
import type { SimulatedBehaviour, SimulatedFault, SimulatedReply, SimulatedTurn } from '../../test/fakes/SimulatedReply';
import { splitPieces } from '../../test/fakes/SimulatedReply';
import { answerText, BAD_MIX, type BadKind } from './answers';
import { TIERS, type LoadedRequest, type Workload } from './workload';

export interface Scenario {
  label: string;
  localSpeed: 'fast' | 'slow';
  localQuality: 'high' | 'low';
  /** Probability that one cloud HTTP attempt fails (429, 5xx, reset, stall). */
  cloudErrorRate: number;
  /** Every latency zero: what is left is the real work of the code paths, stretched by the time scale. */
  zeroLatency?: boolean;
}

export interface ModelProfile {
  local: boolean;
  /** Time to first token before prompt processing, simulated ms. */
  ttftBaseMs: number;
  /** Prompt processing speed (adds promptTokens / this to the time to first token). */
  promptTokensPerSec: number;
  tokensPerSec: number;
  /** Loading a local model that is not in memory (Ollama keeps up to 3, for 5 minutes). */
  loadMs: number;
  /** P(answer good enough) for trivial … critical requests. */
  quality: readonly number[];
}

/** Output tokens of a good answer by tier (varied ±30 % per answer). */
export const ANSWER_TOKENS = [70, 170, 320, 550, 800] as const;

const CLOUD: Record<string, Omit<ModelProfile, 'local' | 'loadMs'>> = {
  'gpt-4o': { ttftBaseMs: 450, promptTokensPerSec: 8000, tokensPerSec: 85, quality: [0.99, 0.97, 0.93, 0.88, 0.8] },
  'gpt-4o-mini': { ttftBaseMs: 350, promptTokensPerSec: 10000, tokensPerSec: 110, quality: [0.98, 0.95, 0.87, 0.75, 0.62] },
  'claude-sonnet-4-0': { ttftBaseMs: 900, promptTokensPerSec: 6000, tokensPerSec: 60, quality: [0.99, 0.97, 0.93, 0.88, 0.8] },
  'claude-opus-4-0': { ttftBaseMs: 1600, promptTokensPerSec: 4000, tokensPerSec: 32, quality: [0.99, 0.98, 0.95, 0.91, 0.86] },
};
/** Desktop GPU (fast) and a laptop (slow, about 2× slower than gpt-4o per token). */
const LOCAL_SPEED = {
  fast: {
    phi3: { ttftBaseMs: 60, promptTokensPerSec: 5000, tokensPerSec: 190, loadMs: 2500 },
    llama3: { ttftBaseMs: 90, promptTokensPerSec: 3500, tokensPerSec: 125, loadMs: 4000 },
    mistral: { ttftBaseMs: 90, promptTokensPerSec: 3500, tokensPerSec: 120, loadMs: 4000 },
  },
  slow: {
    phi3: { ttftBaseMs: 250, promptTokensPerSec: 700, tokensPerSec: 70, loadMs: 6000 },
    llama3: { ttftBaseMs: 350, promptTokensPerSec: 450, tokensPerSec: 42, loadMs: 10000 },
    mistral: { ttftBaseMs: 350, promptTokensPerSec: 450, tokensPerSec: 40, loadMs: 10000 },
  },
} as const;
const LOCAL_QUALITY = {
  high: { phi3: [0.95, 0.86, 0.7, 0.5, 0.33], llama3: [0.97, 0.92, 0.8, 0.62, 0.45], mistral: [0.97, 0.92, 0.8, 0.62, 0.45] },
  low: { phi3: [0.85, 0.65, 0.45, 0.25, 0.12], llama3: [0.9, 0.75, 0.55, 0.35, 0.2], mistral: [0.9, 0.75, 0.55, 0.35, 0.2] },
} as const;
const MAX_LOADED = 3;
/** Streamed in pieces of 8 words: fewer events keep the client's real per-event work from being stretched by the time scale. */
const WORDS_PER_PIECE = 8;
const KEEP_ALIVE_MS = 5 * 60_000;

export function modelProfiles(s: Scenario): Record<string, ModelProfile> {
  const out: Record<string, ModelProfile> = {};
  for (const [m, p] of Object.entries(CLOUD)) out[m] = { ...p, local: false, loadMs: 0 };
  for (const m of ['phi3', 'llama3', 'mistral'] as const) out[m] = { ...LOCAL_SPEED[s.localSpeed][m], quality: LOCAL_QUALITY[s.localQuality][m], local: true };
  return out;
}

export interface Verdict {
  good: boolean;
  kind: 'good' | BadKind;
  model: string;
}

export class Simulator {
  /** Every answer text a model produced, with whether it was good enough. */
  private readonly ledger = new Map<string, Verdict>();
  private readonly asked = new Map<string, number>();
  private readonly loaded = new Map<string, number>();
  private readonly profiles: Record<string, ModelProfile>;
  private readonly byPrompt: { prompt: string; req: LoadedRequest }[];

  constructor(
    workload: Workload,
    private readonly scenario: Scenario,
    private readonly seed = 'jarvis-workload-1',
  ) {
    this.profiles = modelProfiles(scenario);
    // Longest first, so a prompt that ends with a shorter one is still found as itself.
    this.byPrompt = workload.requests
      .filter((r) => r.id === r.original)
      .map((req) => ({ prompt: req.prompt, req }))
      .sort((a, b) => b.prompt.length - a.prompt.length);
  }

  readonly behaviour: SimulatedBehaviour = (turn) => this.reply(turn);

  /** What the simulation made of a shown answer (undefined: not a complete model answer). */
  verdict(text: string): Verdict | undefined {
    return this.ledger.get(text);
  }

  private reply(turn: SimulatedTurn): SimulatedReply | undefined {
    const lastUser = [...turn.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const req = this.byPrompt.find((p) => lastUser.endsWith(p.prompt))?.req;
    const model = turn.model.replace(/:latest$/, '');
    const profile = this.profiles[model];
    if (!req || !profile) return undefined;
    const n = this.asked.get(`${model}|${req.original}`) ?? 0;
    this.asked.set(`${model}|${req.original}`, n + 1);
    const u = (what: string) => uniform(`${this.seed}|${model}|${req.original}|${n}|${what}`);
    const tier = TIERS.indexOf(req.tier);
    const good = u('good') < profile.quality[tier];
    let kind: Verdict['kind'] = good ? 'good' : pickKind(u('kind'));
    if (kind === 'broken-code' && !req.code) kind = 'wrong';
    const tokens = Math.round(ANSWER_TOKENS[tier] * (0.7 + 0.6 * u('length')));
    let draws = 0;
    const text = answerText(req, kind, tokens, () => u(`text${draws++}`));
    this.ledger.set(text, { good, kind, model });
    const promptTokens = Math.ceil(turn.messages.reduce((a, m) => a + m.content.length, 0) / 4);
    const completionTokens = Math.ceil(text.length / 4);
    if (this.scenario.zeroLatency) return { text, ttftMs: 0, tokensPerSecond: 1e9, promptTokens, completionTokens, wordsPerPiece: WORDS_PER_PIECE };
    const jitter = Math.exp(0.25 * normal(u('j1'), u('j2'), u('j3')));
    let ttftMs = (profile.ttftBaseMs + (promptTokens / profile.promptTokensPerSec) * 1000) * jitter;
    if (profile.local) ttftMs += this.loadTime(model, profile);
    const reply: SimulatedReply = {
      text,
      ttftMs,
      tokensPerSecond: profile.tokensPerSec / Math.exp(0.15 * normal(u('j4'), u('j5'), u('j6'))),
      promptTokens,
      completionTokens,
      wordsPerPiece: WORDS_PER_PIECE,
    };
    if (!profile.local && u('fails') < this.scenario.cloudErrorRate) reply.fault = this.fault(u, splitPieces(text, WORDS_PER_PIECE).length, turn.provider);
    if (reply.fault?.kind === 'status') reply.ttftMs = reply.fault.status === 429 ? 250 : 800;
    return reply;
  }

  /** 45 % rate limits, 30 % server errors, 10 % resets mid-answer, 15 % stalls (half before any byte). */
  private fault(u: (what: string) => number, pieces: number, provider: SimulatedTurn['provider']): SimulatedFault {
    const v = u('fault-kind');
    const w = u('fault-detail');
    if (v < 0.45) return { kind: 'status', status: 429, retryAfterSeconds: [1, 2, 5, 20][Math.floor(w * 4)] };
    if (v < 0.75) return { kind: 'status', status: provider === 'anthropic' && w < 0.34 ? 529 : [500, 502, 503][Math.floor(w * 3)] };
    if (v < 0.85) return { kind: 'reset', afterPieces: Math.floor(pieces * 0.3) };
    if (v < 0.925) return { kind: 'stall-before-headers' };
    return { kind: 'stall', afterPieces: Math.floor(pieces * 0.2) };
  }

  /** Ollama loads a model on first use and unloads it after 5 idle minutes or when a 4th is needed. */
  private loadTime(model: string, profile: ModelProfile): number {
    const now = performance.now();
    const last = this.loaded.get(model);
    this.loaded.set(model, now);
    if (last !== undefined && now - last < KEEP_ALIVE_MS) return 0;
    if (this.loaded.size > MAX_LOADED) {
      const oldest = [...this.loaded].filter(([m]) => m !== model).sort((a, b) => a[1] - b[1])[0];
      this.loaded.delete(oldest[0]);
    }
    return profile.loadMs;
  }
}

function pickKind(v: number): BadKind {
  let acc = 0;
  for (const [kind, share] of Object.entries(BAD_MIX) as [BadKind, number][]) {
    acc += share;
    if (v < acc) return kind;
  }
  return 'wrong';
}

/** Uniform [0, 1) from a string. */
export function uniform(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** An approximately standard normal value from three uniforms (sum of uniforms, rescaled). */
function normal(a: number, b: number, c: number): number {
  return (a + b + c - 1.5) / 0.5;
}
