/**
 * Runs one configuration over the workload through the real code paths: the real ChatEngine with
 * the real RoutingService as its responder, the real SDKs, over loopback HTTP to the fakes, whose
 * answers come from the Simulator. Sessions run `concurrency` at a time; a session's turns run in
 * order and carry its history, as a chat does. A user gives up on a request after `patienceMs`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { systemClock } from '../../src/common/Clock';
import type { ChatChunk, ChatTurn } from '../../src/core/chat/ChatChunk';
import { ChatEngine } from '../../src/core/chat/ChatEngine';
import { DEFAULT_SETTINGS, type JarvisSettings } from '../../src/core/config/settings';
import { OllamaModels } from '../../src/core/llm/ollama/OllamaModels';
import { nullLogger } from '../../src/core/ports';
import { RoutingService } from '../../src/core/routing/RoutingService';
import { FakeAnthropicServer } from '../../test/fakes/FakeAnthropicServer';
import { FakeOllamaServer } from '../../test/fakes/FakeOllamaServer';
import { FakeOpenAIServer } from '../../test/fakes/FakeOpenAIServer';
import { MemoryKv } from '../../test/fakes/MemoryKv';
import type { RequestRecord } from './metrics';
import type { Simulator } from './simulator';
import type { LoadedRequest, Workload } from './workload';

// Compiled to out/bench/workload/: the repository is three levels up.
const REPO = path.resolve(__dirname, '../../..');

export type ConfigName = 'baseline' | 'jarvis';

export interface RunOptions {
  concurrency: number;
  /** Simulated ms after which the user cancels a request that has not finished. */
  patienceMs: number;
  /** Ollama's OLLAMA_NUM_PARALLEL: local requests beyond it queue. */
  localParallel: number;
}

const KEY = 'test-key-0123456789';
export const BASELINE_MODEL = 'gpt-4o';

/**
 * baseline: every request to gpt-4o; no local model, no cache, no fallback, no Jarvis retries or
 * breakers (threshold 100), the SDK's own default of 2 retries and its 600 s timeout.
 * jarvis: the shipped defaults (hybrid tiers, quality escalation, cache, retry layer, breakers).
 */
export function configSettings(name: ConfigName, urls: { ollama: string; openai: string; anthropic: string }): JarvisSettings {
  const s: JarvisSettings = structuredClone(DEFAULT_SETTINGS);
  s.ollama.host = urls.ollama;
  s.openai.baseUrl = urls.openai;
  s.anthropic.baseUrl = urls.anthropic;
  s.routing.useVscodeModels = false;
  s.cache.redisUrl = '';
  if (name === 'jarvis') return s;
  s.ollama.enabled = false;
  const only = [`openai:${BASELINE_MODEL}`];
  s.routing.tiers = { trivial: only, low: only, medium: only, high: only, critical: only };
  s.routing.localRatio = 0;
  s.cache.enabled = false;
  s.budget = { dailyUsd: 0, monthlyUsd: 0 };
  // 599 s deadlines make the SDK timeout 600 s, the OpenAI SDK's default.
  s.resilience = { maxRetries: 0, breakerThreshold: 100, breakerCooldownSeconds: 1, firstTokenTimeoutSeconds: 599, idleTimeoutSeconds: 599 };
  return s;
}

export async function runConfig(
  name: ConfigName,
  workload: Workload,
  sim: Simulator,
  o: RunOptions,
): Promise<{ records: RequestRecord[]; makespanMs: number }> {
  const [ollama, openai, anthropic] = await Promise.all([
    FakeOllamaServer.start({ models: ['phi3', 'llama3', 'mistral'], behaviour: sim.behaviour, parallel: o.localParallel }),
    FakeOpenAIServer.start({ models: ['gpt-4o', 'gpt-4o-mini'], behaviour: sim.behaviour }),
    FakeAnthropicServer.start({ models: ['claude-sonnet-4-0', 'claude-opus-4-0'], behaviour: sim.behaviour }),
  ]);
  const settings = configSettings(name, { ollama: ollama.url, openai: openai.url, anthropic: anthropic.url });
  const models = new OllamaModels(() => ({ host: settings.ollama.host }));
  const service = new RoutingService({
    settings: () => settings,
    keys: { get: async () => KEY },
    ollamaModels: () => (settings.ollama.enabled ? models.list() : Promise.resolve([])),
    store: new MemoryKv(),
    clock: systemClock,
    logger: nullLogger,
    // The shipped learned classifier, as the extension passes it (without it routing falls back to the rules alone).
    complexityModel: () => fs.readFileSync(path.join(REPO, 'media', 'router', 'complexity-model.json'), 'utf8'),
    ...(name === 'baseline' ? { sdkMaxRetries: 2 } : {}),
  });
  const engine = new ChatEngine({ settings: () => settings, responder: service, clock: systemClock, logger: nullLogger });
  const records: RequestRecord[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < workload.sessions.length) {
      const session = workload.sessions[next++];
      const history: ChatTurn[] = [];
      for (const turn of session.turns) {
        const { record, answer } = await ask(engine, turn, history, sim, o.patienceMs);
        records.push(record);
        history.push({ role: 'user', content: turn.prompt }, { role: 'assistant', content: answer });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.concurrency }, worker));
    return { records, makespanMs: performance.now() - started };
  } finally {
    service.dispose();
    await Promise.all([ollama.close(), openai.close(), anthropic.close()]);
  }
}

async function ask(
  engine: ChatEngine,
  req: LoadedRequest,
  history: ChatTurn[],
  sim: Simulator,
  patienceMs: number,
): Promise<{ record: RequestRecord; answer: string }> {
  const controller = new AbortController();
  const patience = setTimeout(() => controller.abort(new Error('the user gave up waiting')), patienceMs);
  const t0 = performance.now();
  let firstTextMs: number | undefined;
  let answer = '';
  let done: Extract<ChatChunk, { type: 'done' }> | undefined;
  let error = false;
  let escalated = false;
  let judgedTier: string | undefined;
  try {
    const attachments = req.attached ? [req.attached] : [];
    for await (const c of engine.run({ prompt: req.prompt, history: [...history], signal: controller.signal, attachments })) {
      if (c.type === 'model') {
        answer = ''; // a fallback or an escalation: the next model's text is the answer
        judgedTier ??= /^(trivial|low|medium|high|critical) tier/.exec(c.reason ?? '')?.[1];
      } else if (c.type === 'markdown') {
        firstTextMs ??= performance.now() - t0;
        answer += c.text;
      } else if (c.type === 'notice' && /escalated to/.test(c.message)) escalated = true;
      else if (c.type === 'error') error = true;
      else if (c.type === 'done') done = c;
    }
  } finally {
    clearTimeout(patience);
  }
  const durationMs = performance.now() - t0;
  const abandoned = controller.signal.aborted && !done;
  const outcome: RequestRecord['outcome'] = abandoned ? 'abandoned' : error || !done ? 'error' : 'answered';
  const verdict = outcome === 'answered' ? sim.verdict(answer) : undefined;
  const cost = done?.cost;
  return {
    record: {
      id: req.id,
      tier: req.tier,
      durationMs,
      firstTextMs,
      outcome,
      cached: done?.cached === true,
      local: done?.local,
      model: done?.model,
      costUsd: cost && 'usd' in cost && !done?.cached ? cost.usd : 0,
      unknownCost: cost !== undefined && 'unknown' in cost,
      escalated,
      good: verdict?.good === true,
      judgedTier,
    },
    answer: outcome === 'answered' ? answer : '',
  };
}
