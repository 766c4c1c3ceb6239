import { errorMessage } from '../../common/errors';
import type { JarvisSettings } from '../config/settings';
import { buildCatalog, type CatalogEntry } from '../llm/modelCatalog';
import type { OllamaModels } from '../llm/ollama/OllamaModels';
import type { OllamaModelDetails } from '../llm/ollama/OllamaTypes';
import type { Logger } from '../ports';
import { buildRoutes } from './buildRoutes';

export interface CatalogSources {
  settings: () => JarvisSettings;
  keys: { has(provider: 'openai' | 'anthropic'): Promise<boolean> };
  models: Pick<OllamaModels, 'list' | 'show'>;
  logger: Logger;
}

/** Longest wait for Ollama while models are listed: a picker or a client must not hang on an absent server. */
const LIST_TIMEOUT_MS = 3_000;

/**
 * The models Jarvis offers now — Jarvis Auto, each installed Ollama model, each cloud model of the
 * routing table whose key is set — for VS Code's model picker and the gateway's GET /v1/models alike.
 */
export async function listModelCatalog(src: CatalogSources): Promise<CatalogEntry[]> {
  const s = src.settings();
  const [ollama, keys] = await Promise.all([s.ollama.enabled ? ollamaDetails(src) : [], Promise.all([src.keys.has('openai'), src.keys.has('anthropic')])]);
  const keyed = { openai: keys[0], anthropic: keys[1] };
  const cloud = Object.values(buildRoutes(s))
    .flat()
    .flatMap((c) => ((c.provider === 'openai' || c.provider === 'anthropic') && keyed[c.provider] ? [{ provider: c.provider, model: c.model }] : []));
  return buildCatalog({ ollama, cloud });
}

async function ollamaDetails(src: CatalogSources): Promise<OllamaModelDetails[]> {
  const signal = AbortSignal.timeout(LIST_TIMEOUT_MS);
  try {
    const installed = await src.models.list(signal);
    return await Promise.all(
      installed.map((m) =>
        src.models.show(m.name, signal).catch((e: unknown): OllamaModelDetails => {
          src.logger.debug(`ollama show ${m.name} failed: ${errorMessage(e)}`);
          return { name: m.name, family: m.family, parameterSize: m.parameterSize, quantization: m.quantization, capabilities: [] };
        }),
      ),
    );
  } catch (e) {
    src.logger.debug(`Ollama models not listed: ${errorMessage(e)}`);
    return [];
  }
}
