import { throwIfAborted } from '../../../common/abort';
import { JarvisError } from '../../../common/errors';
import { createOllamaClient } from '../../llm/ollama/createOllamaClient';
import type { OllamaConnection } from '../../llm/ollama/OllamaTypes';
import { toOllamaError } from '../../llm/ollama/toOllamaError';
import { checkDimension, checkEmbeddings, checkTexts, type Embedder } from './Embedder';

/** Output sizes of the embedding models Ollama's library offers most; others need `dimension`. */
const KNOWN_DIMENSIONS: Record<string, number> = {
  'nomic-embed-text': 768,
  'mxbai-embed-large': 1024,
  'all-minilm': 384,
  'snowflake-arctic-embed': 1024,
  'bge-m3': 1024,
};

export interface OllamaEmbedderOptions {
  /** Read on every call: the user may change the host between two calls. */
  connection: () => OllamaConnection;
  /** @default 'nomic-embed-text' */
  model?: string;
  /** Required for models not in the built-in table. */
  dimension?: number;
  /** Texts per `/api/embed` request. @default 32 */
  batchSize?: number;
}

/** Embeddings from a local Ollama (`POST /api/embed`) through the `ollama` SDK. */
export class OllamaEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private readonly model: string;
  private readonly batchSize: number;

  constructor(private readonly options: OllamaEmbedderOptions) {
    if (typeof options?.connection !== 'function') {
      throw new JarvisError('invalid-input', 'OllamaEmbedder needs a `connection` function returning the Ollama host.');
    }
    const model = options.model ?? 'nomic-embed-text';
    if (typeof model !== 'string' || model.trim() === '') {
      throw new JarvisError('invalid-input', 'The Ollama embedding model name must be a non-empty string.');
    }
    this.model = model.trim();
    const known = KNOWN_DIMENSIONS[this.model.replace(/:latest$/, '')];
    if (options.dimension === undefined && known === undefined) {
      throw new JarvisError('invalid-input', `The output size of Ollama model "${this.model}" is unknown: pass its \`dimension\` (e.g. 768).`);
    }
    this.dimension = checkDimension(options.dimension ?? known, 'The Ollama embedding');
    const batchSize = options.batchSize ?? 32;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new JarvisError('invalid-input', `batchSize must be a whole number of at least 1 (got ${String(batchSize)}).`);
    }
    this.batchSize = batchSize;
    this.id = `ollama:${this.model}`;
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    checkTexts(texts);
    throwIfAborted(signal);
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      out.push(...(await this.embedBatch(texts.slice(i, i + this.batchSize), signal)));
    }
    return out;
  }

  private async embedBatch(batch: string[], signal: AbortSignal | undefined): Promise<number[][]> {
    const connection = this.options.connection();
    // One client per call: the SDK's abort() would cancel every request of a shared client.
    const client = createOllamaClient(connection, signal ? { signal } : {});
    let response: { embeddings?: unknown };
    try {
      response = await client.embed({ model: this.model, input: batch });
    } catch (e) {
      throw toOllamaError(e, { host: connection.host, model: this.model, ...(signal ? { signal } : {}) });
    }
    return checkEmbeddings(response?.embeddings, batch.length, this.dimension, `Ollama model "${this.model}"`);
  }
}
