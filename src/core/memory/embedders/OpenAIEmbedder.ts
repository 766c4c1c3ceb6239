import { throwIfAborted } from '../../../common/abort';
import { JarvisError } from '../../../common/errors';
import { checkDimension, checkEmbeddings, checkTexts, type Embedder } from './Embedder';

/** What the embedder needs from the OpenAI provider (src/core/llm/cloud/OpenAIProvider satisfies it). */
export interface EmbeddingsApi {
  embed(model: string, inputs: string[], signal?: AbortSignal): Promise<number[][]>;
}

const KNOWN_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

export interface OpenAIEmbedderOptions {
  /** Usually the shared OpenAIProvider: it owns the key, base URL, retries and error mapping. */
  api: EmbeddingsApi;
  /** @default 'text-embedding-3-small' */
  model?: string;
  /** Required for models not in the built-in table (OpenAI-compatible servers). */
  dimension?: number;
  /** Inputs per request; OpenAI accepts up to 2048. @default 128 */
  batchSize?: number;
}

/**
 * Embeddings from OpenAI (or a compatible server) through the `openai` SDK, via the provider so
 * that the API key, retries and error messages are handled in exactly one place.
 */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private readonly model: string;
  private readonly batchSize: number;

  constructor(private readonly options: OpenAIEmbedderOptions) {
    if (typeof options?.api?.embed !== 'function') {
      throw new JarvisError('invalid-input', 'OpenAIEmbedder needs an `api` with an `embed` method (the OpenAI provider).');
    }
    const model = options.model ?? 'text-embedding-3-small';
    if (typeof model !== 'string' || model.trim() === '') {
      throw new JarvisError('invalid-input', 'The OpenAI embedding model name must be a non-empty string.');
    }
    this.model = model.trim();
    const known = KNOWN_DIMENSIONS[this.model];
    if (options.dimension === undefined && known === undefined) {
      throw new JarvisError('invalid-input', `The output size of embedding model "${this.model}" is unknown: pass its \`dimension\`.`);
    }
    this.dimension = checkDimension(options.dimension ?? known, 'The OpenAI embedding');
    const batchSize = options.batchSize ?? 128;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 2048) {
      throw new JarvisError('invalid-input', `batchSize must be a whole number from 1 to 2048 (got ${String(batchSize)}).`);
    }
    this.batchSize = batchSize;
    this.id = `openai:${this.model}`;
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    checkTexts(texts);
    throwIfAborted(signal);
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize);
      const vectors = await this.options.api.embed(this.model, batch, signal);
      out.push(...checkEmbeddings(vectors, batch.length, this.dimension, `Embedding model "${this.model}"`));
    }
    return out;
  }
}
