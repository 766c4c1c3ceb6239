import type { JarvisError } from '../../../common/errors';

/** Connection options read from settings each time a client is built (settings may change). */
export interface OllamaConnection {
  /** Base URL without trailing slash, e.g. http://localhost:11434 */
  host: string;
  /** Injected for tests; defaults to global fetch. */
  fetch?: typeof fetch;
}

export type OllamaHealth = { reachable: true; version: string } | { reachable: false; error: JarvisError };

export interface OllamaModelInfo {
  /** Full name with tag, e.g. `llama3:latest`. */
  name: string;
  sizeBytes: number;
  parameterSize?: string;
  quantization?: string;
  family?: string;
  modifiedAt?: string;
}

export interface OllamaPullProgress {
  status: string;
  digest?: string;
  total?: number;
  completed?: number;
  /** 0–100 over the layer being downloaded, when the server reports sizes. */
  percent?: number;
}

/** What `/api/show` tells about one installed model. */
export interface OllamaModelDetails {
  /** Name as asked for, normalised with its tag. */
  name: string;
  family?: string;
  parameterSize?: string;
  quantization?: string;
  /** e.g. `completion`, `embedding`, `tools`, `vision`; empty when the server is too old to say. */
  capabilities: string[];
  /** Maximum context window in tokens, from `model_info["<arch>.context_length"]`. */
  contextLength?: number;
}
