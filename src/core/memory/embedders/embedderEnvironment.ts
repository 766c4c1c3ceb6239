import type { JarvisSettings } from '../../config/settings';
import type { OllamaModels } from '../../llm/ollama/OllamaModels';
import type { Logger } from '../../ports';
import type { EmbedderEnvironment } from './chooseEmbedder';

export interface EmbedderEnvironmentDeps {
  settings: () => JarvisSettings;
  keys: { has(provider: 'openai'): Promise<boolean>; get(provider: 'openai', purpose?: string): Promise<string | undefined> };
  /** The extension's one Ollama client wrapper (shared with chat and the status monitor). */
  models: OllamaModels;
  logger: Logger;
}

/** What the embedders may use, built from the composition root's shared objects. */
export function embedderEnvironment(deps: EmbedderEnvironmentDeps): EmbedderEnvironment {
  const { settings, keys, models, logger } = deps;
  return {
    ollamaConnection: () => ({ host: settings().ollama.host }),
    async ollamaHasModel(model, signal) {
      if (!settings().ollama.enabled) return false;
      // A short look: choosing an embedder must not hang the first chat on a slow or absent Ollama.
      const timeout = AbortSignal.timeout(3_000);
      return models.has(model, signal ? AbortSignal.any([signal, timeout]) : timeout).catch(() => false);
    },
    hasOpenAIKey: () => keys.has('openai'),
    openai: {
      async embed(model, inputs, signal) {
        const apiKey = await keys.get('openai', 'OpenAI embeddings');
        // Imported on first use: a static import would evaluate the openai SDK at activation.
        const { OpenAIProvider } = await import('../../llm/cloud/OpenAIProvider.js');
        // maxRetries 0: the project keeps one retry layer, and a failed embedding only delays a memory.
        return new OpenAIProvider(() => ({ baseUrl: settings().openai.baseUrl, apiKey, maxRetries: 0 }), logger).embed(model, inputs, signal);
      },
    },
    ollamaEmbed: (model, texts, signal) => models.embed(model, texts, signal),
    logger,
  };
}
