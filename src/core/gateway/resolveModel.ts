import { AUTO_MODEL_ID, type CatalogEntry } from '../llm/modelCatalog';
import type { ProviderId } from '../llm/types';
import { targetOf } from './fromOpenAIChat';
import { GatewayError } from './GatewayError';

/**
 * The model a chat completion names: `jarvis-auto` routes (undefined); an id from /v1/models
 * (`ollama/llama3:latest`, `openai/gpt-4o`) pins that model; a bare name (`llama3`, `gpt-4o`) pins
 * the one available model it names — the model itself, or Ollama's `:latest` of it, or else the only
 * installed tag of that name. `entries` is asked for only for a bare name.
 * @throws GatewayError 404 naming the available ids, for a name that names no model or several
 */
export async function resolveModel(requested: string, entries: () => Promise<CatalogEntry[]>): Promise<{ provider: ProviderId; model: string } | undefined> {
  if (requested === AUTO_MODEL_ID) return undefined;
  const prefixed = targetOf(requested);
  if (prefixed) return prefixed;
  const models = (await entries()).flatMap((e) => (e.target ? [{ id: e.id, target: e.target }] : []));
  const exact = models.filter((m) => m.target.model === requested || m.target.model === `${requested}:latest`);
  const matches = exact.length > 0 ? exact : models.filter((m) => m.target.model.split(':')[0] === requested);
  if (matches.length === 1) return matches[0].target;
  const ids = [AUTO_MODEL_ID, ...models.map((m) => m.id)].map((id) => `"${id}"`).join(', ');
  const message =
    matches.length > 1
      ? `Model "${requested}" names several models: ${matches.map((m) => `"${m.id}"`).join(', ')}. Use one of these ids.`
      : `Unknown model "${requested}": use "${AUTO_MODEL_ID}" or an id from GET /v1/models (available: ${ids}).`;
  throw new GatewayError(404, 'not_found_error', 'model_not_found', message);
}
