import { JarvisError } from '../../../common/errors';
import type { Logger } from '../../ports';
import { nullLogger } from '../../ports';
import { createOllamaClient } from './createOllamaClient';
import { normalizeModelName, sameModel } from './modelName';
import type { OllamaConnection, OllamaHealth, OllamaModelDetails, OllamaModelInfo, OllamaPullProgress } from './OllamaTypes';
import { toOllamaError } from './toOllamaError';

/** Server health and model management: list, show, pull, delete, embed. */
export class OllamaModels {
  /** @param connection read on every call, so a settings change applies to the next one. */
  constructor(
    private readonly connection: () => OllamaConnection,
    private readonly logger: Logger = nullLogger,
  ) {}

  /** Never throws: an unreachable or broken server is reported as `{ reachable: false, error }`. */
  async health(signal?: AbortSignal): Promise<OllamaHealth> {
    let host = '';
    try {
      const conn = this.connection();
      host = conn.host;
      const { version } = await createOllamaClient(conn, { signal }).version();
      if (typeof version !== 'string') throw new SyntaxError('/api/version has no "version" string');
      return { reachable: true, version };
    } catch (e) {
      const error = toOllamaError(e, { host, signal });
      this.logger.debug(`ollama: health check failed: ${error.message}`);
      return { reachable: false, error };
    }
  }

  async list(signal?: AbortSignal): Promise<OllamaModelInfo[]> {
    return this.run(undefined, signal, async (client) => {
      const res = await client.list();
      if (!Array.isArray(res?.models)) throw new SyntaxError('/api/tags has no "models" array');
      return res.models.map((m): OllamaModelInfo => ({
        name: m.name,
        sizeBytes: m.size,
        parameterSize: m.details?.parameter_size || undefined,
        quantization: m.details?.quantization_level || undefined,
        family: m.details?.family || undefined,
        modifiedAt: m.modified_at === undefined ? undefined : String(m.modified_at),
      }));
    });
  }

  /** True when the model is installed; `llama3` matches `llama3:latest`. */
  async has(model: string, signal?: AbortSignal): Promise<boolean> {
    checkModel(model);
    return (await this.list(signal)).some((m) => sameModel(m.name, model));
  }

  async show(model: string, signal?: AbortSignal): Promise<OllamaModelDetails> {
    checkModel(model);
    return this.run(model, signal, async (client) => {
      const res = await client.show({ model });
      const info = (res.model_info ?? {}) as unknown as Record<string, unknown>;
      const ctxKey = Object.keys(info).find((k) => k.endsWith('.context_length'));
      const ctxLen = ctxKey === undefined ? undefined : info[ctxKey];
      return {
        name: normalizeModelName(model),
        family: res.details?.family || undefined,
        parameterSize: res.details?.parameter_size || undefined,
        quantization: res.details?.quantization_level || undefined,
        capabilities: Array.isArray(res.capabilities) ? res.capabilities : [],
        contextLength: typeof ctxLen === 'number' ? ctxLen : undefined,
      };
    });
  }

  /** Downloads a model, reporting progress per layer. Aborting `signal` stops the download. */
  async *pull(model: string, signal?: AbortSignal): AsyncGenerator<OllamaPullProgress, void, undefined> {
    checkModel(model);
    const conn = this.connection();
    const ctx = { host: conn.host, model, signal };
    if (signal?.aborted) throw toOllamaError(signal.reason, ctx);
    const client = createOllamaClient(conn, { signal, streaming: true });
    let finished = false;
    try {
      this.logger.info(`ollama: pulling ${model} from ${conn.host}`);
      const stream = await client.pull({ model, stream: true });
      for await (const p of stream) {
        if (signal?.aborted) throw toOllamaError(signal.reason, ctx);
        yield toProgress(p);
        if (p.status === 'success') {
          finished = true;
          return;
        }
      }
    } catch (e) {
      // Pull errors ("file does not exist") are about the registry, not a missing local model.
      const err = toOllamaError(e, { host: conn.host, signal });
      if (err.code !== 'provider-error') throw err;
      throw new JarvisError('provider-error', `Could not pull "${model}". ${err.message}`, { ...err.details, model });
    } finally {
      if (!finished) client.abort();
    }
  }

  async delete(model: string, signal?: AbortSignal): Promise<void> {
    checkModel(model);
    await this.run(model, signal, (client) => client.delete({ model }));
  }

  /** One vector per input, in order. An empty list costs no request. */
  async embed(model: string, inputs: string[], signal?: AbortSignal): Promise<number[][]> {
    checkModel(model);
    if (!Array.isArray(inputs) || inputs.some((s) => typeof s !== 'string')) {
      throw new JarvisError('invalid-input', 'Texts to embed must be a list of strings.', { provider: 'ollama', model });
    }
    if (inputs.length === 0) return [];
    return this.run(model, signal, async (client) => {
      const res = await client.embed({ model, input: inputs });
      const vectors = res?.embeddings;
      if (!Array.isArray(vectors) || vectors.length !== inputs.length || !vectors.every(isNumberArray)) {
        throw new SyntaxError(`expected ${inputs.length} embeddings from /api/embed`);
      }
      return vectors;
    });
  }

  private async run<T>(
    model: string | undefined,
    signal: AbortSignal | undefined,
    fn: (client: ReturnType<typeof createOllamaClient>) => Promise<T>,
  ): Promise<T> {
    const conn = this.connection();
    const ctx = { host: conn.host, model, signal };
    if (signal?.aborted) throw toOllamaError(signal.reason, ctx);
    try {
      return await fn(createOllamaClient(conn, { signal }));
    } catch (e) {
      throw toOllamaError(e, ctx);
    }
  }
}

function toProgress(p: { status: string; digest?: string; total?: number; completed?: number }): OllamaPullProgress {
  const out: OllamaPullProgress = { status: p.status };
  if (p.digest) out.digest = p.digest;
  if (typeof p.total === 'number') out.total = p.total;
  if (typeof p.completed === 'number') out.completed = p.completed;
  if (typeof p.total === 'number' && p.total > 0) {
    out.percent = Math.min(100, Math.max(0, Math.floor(((p.completed ?? 0) / p.total) * 100)));
  }
  return out;
}

function isNumberArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

function checkModel(model: string): void {
  if (typeof model !== 'string' || model.trim() === '') {
    throw new JarvisError('invalid-input', 'No Ollama model name was given (e.g. "llama3").', { provider: 'ollama' });
  }
}
