import type { IDisposable } from '../../../common/Disposable';
import { errorMessage } from '../../../common/errors';
import { nullLogger, type Logger } from '../../ports';
import type { ProviderId } from '../types';
import { loadEncoder, type Encoder, type Encoding } from './loadEncoder';
import { TokenWorkerClient } from './TokenWorkerClient';

export type { Encoding } from './loadEncoder';

/**
 * Which tokenizer counts for a model, and whether it is that model's own. OpenAI's models are
 * counted exactly; Claude 3+ and the many GGUF models behind Ollama have no maintained JavaScript
 * tokenizer, so o200k_base stands in (within about 15% on English and code, far closer than
 * characters / 4, and it never calls the network as Anthropic's count endpoint would).
 */
export function encodingFor(provider: ProviderId | 'auto', model: string): { encoding: Encoding; exact: boolean } {
  const m = model.toLowerCase();
  if (provider === 'openai') {
    if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-4o|gpt-oss)/.test(m)) return { encoding: 'o200k_base', exact: true };
    if (/^(gpt-4|gpt-3\.5)/.test(m)) return { encoding: 'cl100k_base', exact: true };
  }
  return { encoding: 'o200k_base', exact: false };
}

export interface TokenCounterOptions {
  /** Recent counts remembered (VS Code counts every turn of history again on every request). */
  cacheSize?: number;
  /**
   * The built tokenWorker.js: tables load and counts run in a worker thread, so the extension host,
   * which every extension shares, never stalls for the seconds a table takes to load. Without it, or
   * when the worker cannot run, counting happens in-process.
   */
  workerScript?: string;
  logger?: Logger;
}

/**
 * Counts tokens with gpt-tokenizer, loaded on the first count (or on warm()): its tables are large, and
 * most sessions never need them. Recent counts are remembered.
 */
export class TokenCounter implements IDisposable {
  private readonly encoders = new Map<Encoding, Promise<Encoder>>();
  private readonly recent = new Map<string, number>();
  private readonly worker: TokenWorkerClient | undefined;
  private readonly cacheSize: number;
  private readonly logger: Logger;
  private warned = false;

  constructor(options: TokenCounterOptions = {}) {
    this.cacheSize = options.cacheSize ?? 2000;
    this.logger = options.logger ?? nullLogger;
    this.worker = options.workerScript ? new TokenWorkerClient(options.workerScript) : undefined;
  }

  /** Whether counts run in the worker thread (false: no worker configured, or it failed). */
  get inWorker(): boolean {
    return this.worker !== undefined && !this.worker.broken;
  }

  /** Starts loading the table most counts use, in the background, before anyone waits for a count. */
  warm(): void {
    if (this.worker && !this.worker.broken) void this.worker.count('o200k_base').catch((e: unknown) => this.workerFailed(e));
  }

  async count(provider: ProviderId | 'auto', model: string, text: string): Promise<number> {
    if (text === '') return 0;
    const { encoding } = encodingFor(provider, model);
    const key = `${encoding}\u0000${text}`;
    const known = this.recent.get(key);
    if (known !== undefined) return known;
    const n = await this.countFresh(encoding, text);
    if (text.length <= 100_000) {
      this.recent.set(key, n);
      if (this.recent.size > this.cacheSize) this.recent.delete(this.recent.keys().next().value as string);
    }
    return n;
  }

  dispose(): void {
    this.worker?.dispose();
  }

  private async countFresh(encoding: Encoding, text: string): Promise<number> {
    if (this.worker && !this.worker.broken) {
      try {
        return await this.worker.count(encoding, text);
      } catch (e) {
        this.workerFailed(e);
      }
    }
    return (await this.encoder(encoding)).countTokens(text);
  }

  private workerFailed(e: unknown): void {
    if (this.warned) return;
    this.warned = true;
    this.logger.warn(`Token counting moved into the extension host (${errorMessage(e)}); the first count may pause it while the tables load.`);
  }

  private encoder(encoding: Encoding): Promise<Encoder> {
    let e = this.encoders.get(encoding);
    if (!e) {
      e = loadEncoder(encoding);
      this.encoders.set(encoding, e);
    }
    return e;
  }
}
