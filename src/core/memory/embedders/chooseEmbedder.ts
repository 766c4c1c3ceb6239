import { errorMessage, isJarvisError } from '../../../common/errors';
import type { JarvisSettings } from '../../config/settings';
import type { OllamaConnection } from '../../llm/ollama/OllamaTypes';
import type { Logger } from '../../ports';
import type { Embedder } from './Embedder';
import { OfflineEmbedder } from './OfflineEmbedder';
import { OllamaEmbedder } from './OllamaEmbedder';
import { type EmbeddingsApi, OpenAIEmbedder } from './OpenAIEmbedder';

/** What choosing an embedder needs to know about the machine; the host fills it in. */
export interface EmbedderEnvironment {
  ollamaConnection: () => OllamaConnection;
  /** True when Ollama answers and has the model installed; must not throw. */
  ollamaHasModel(model: string, signal?: AbortSignal): Promise<boolean>;
  /** True when an OpenAI key is stored. */
  hasOpenAIKey(): Promise<boolean>;
  openai: EmbeddingsApi;
  /** One raw Ollama embedding call, used to learn the output size of models outside the built-in table. */
  ollamaEmbed(model: string, texts: string[], signal?: AbortSignal): Promise<number[][]>;
  logger: Logger;
}

export type MemorySettings = JarvisSettings['memory'];

/** The embedder settings that change the vector space; a change of any of them means re-embedding. */
export function embedderSettingsKey(m: MemorySettings): string {
  return JSON.stringify([m.embedder, m.ollamaEmbedModel, m.openaiEmbedModel]);
}

/**
 * The embedder the settings ask for. 'auto' prefers, in order: the embedder the existing index was
 * built with when it is still usable (so a laptop that starts without Ollama does not re-embed
 * everything twice), Ollama when it has the embedding model, OpenAI when a key is set, else offline.
 */
export async function chooseEmbedder(
  m: MemorySettings,
  env: EmbedderEnvironment,
  existing?: { embedderId: string; dimension: number },
  signal?: AbortSignal,
): Promise<Embedder> {
  switch (m.embedder) {
    case 'offline':
      return new OfflineEmbedder();
    case 'ollama':
      return ollamaEmbedder(m.ollamaEmbedModel, env, existing, signal);
    case 'openai':
      return openaiEmbedder(m.openaiEmbedModel, env, existing);
    case 'auto':
      break;
  }
  if (existing) {
    const kept = await usableExisting(existing, m, env, signal);
    if (kept) return kept;
  }
  if (await env.ollamaHasModel(m.ollamaEmbedModel, signal)) return ollamaEmbedder(m.ollamaEmbedModel, env, existing, signal);
  if (await env.hasOpenAIKey()) return openaiEmbedder(m.openaiEmbedModel, env, existing);
  return new OfflineEmbedder();
}

/**
 * An embedder for an id found in store.json (`offline-hash-v1-384`, `ollama:<model>`, `openai:<model>`),
 * so the store can open and keep serving while it switches to another one. Undefined when unknown.
 */
export function embedderForId(id: string, dimension: number, env: EmbedderEnvironment): Embedder | undefined {
  try {
    if (id === `offline-hash-v1-${dimension}`) return new OfflineEmbedder({ dimension });
    if (id.startsWith('ollama:')) return new OllamaEmbedder({ connection: env.ollamaConnection, model: id.slice(7), dimension });
    if (id.startsWith('openai:')) return new OpenAIEmbedder({ api: env.openai, model: id.slice(7), dimension });
  } catch (e) {
    env.logger.warn(`Cannot rebuild the memory embedder "${id}": ${errorMessage(e)}`);
  }
  return undefined;
}

async function usableExisting(
  existing: { embedderId: string; dimension: number },
  m: MemorySettings,
  env: EmbedderEnvironment,
  signal?: AbortSignal,
): Promise<Embedder | undefined> {
  const { embedderId: id } = existing;
  // Only an embedder the current settings would still pick (same model names) is kept.
  const usable =
    id.startsWith('offline-hash-v1-') ||
    (id === `ollama:${m.ollamaEmbedModel}` && (await env.ollamaHasModel(m.ollamaEmbedModel, signal))) ||
    (id === `openai:${m.openaiEmbedModel}` && (await env.hasOpenAIKey()));
  if (!usable) return undefined;
  // The offline embedder is the fallback: upgrade to a real model when one has become available.
  if (id.startsWith('offline-hash-v1-') && ((await env.ollamaHasModel(m.ollamaEmbedModel, signal)) || (await env.hasOpenAIKey()))) return undefined;
  return embedderForId(id, existing.dimension, env);
}

async function ollamaEmbedder(
  model: string,
  env: EmbedderEnvironment,
  existing?: { embedderId: string; dimension: number },
  signal?: AbortSignal,
): Promise<Embedder> {
  try {
    return new OllamaEmbedder({ connection: env.ollamaConnection, model });
  } catch (e) {
    if (!isJarvisError(e, 'invalid-input') || !/output size/.test(e.message)) throw e;
  }
  // A model outside the built-in size table: reuse the index's size for the same model, else ask Ollama once.
  if (existing?.embedderId === `ollama:${model}`) return new OllamaEmbedder({ connection: env.ollamaConnection, model, dimension: existing.dimension });
  const [probe] = await env.ollamaEmbed(model, ['dimension probe'], signal);
  return new OllamaEmbedder({ connection: env.ollamaConnection, model, dimension: Array.isArray(probe) ? probe.length : 0 });
}

function openaiEmbedder(model: string, env: EmbedderEnvironment, existing?: { embedderId: string; dimension: number }): Embedder {
  try {
    return new OpenAIEmbedder({ api: env.openai, model });
  } catch (e) {
    if (isJarvisError(e, 'invalid-input') && existing?.embedderId === `openai:${model}`) {
      return new OpenAIEmbedder({ api: env.openai, model, dimension: existing.dimension });
    }
    throw e;
  }
}
