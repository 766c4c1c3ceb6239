import { cloudLimits, OLLAMA_MAX_OUTPUT, ollamaLimits, UNKNOWN_OLLAMA_CONTEXT } from './contextLimits';
import type { OllamaModelDetails } from './ollama/OllamaTypes';
import type { ProviderId } from './types';

/** The id of the routed model in VS Code's model picker. */
export const AUTO_MODEL_ID = 'jarvis-auto';

/** One model Jarvis offers to VS Code (and, through vscode.lm, to other extensions). */
export interface CatalogEntry {
  id: string;
  name: string;
  family: string;
  version: string;
  detail: string;
  tooltip: string;
  maxInputTokens: number;
  maxOutputTokens: number;
  toolCalling: boolean;
  /** The model a direct entry talks to; undefined for Jarvis Auto, which routes. */
  target?: { provider: ProviderId; model: string };
}

/**
 * Jarvis Auto first, then each installed Ollama chat model (its `/api/show` context length as the input limit; tool calling
 * only where its capabilities say "tools"), then each cloud model of the routing table whose key
 * is set (documented limits). Auto can take as much as the largest model it may route to.
 */
export function buildCatalog(input: { ollama: OllamaModelDetails[]; cloud: { provider: 'openai' | 'anthropic'; model: string }[] }): CatalogEntry[] {
  const local = input.ollama
    .filter((m) => !m.capabilities.includes('embedding') || m.capabilities.includes('completion'))
    .map((m): CatalogEntry => {
      const tools = m.capabilities.length === 0 || m.capabilities.includes('tools');
      const context = m.contextLength ?? UNKNOWN_OLLAMA_CONTEXT;
      const size = [m.parameterSize, m.quantization].filter(Boolean).join(' ');
      return {
        id: `ollama/${m.name}`,
        name: m.name,
        family: m.family ?? m.name.split(':')[0],
        version: m.name.includes(':') ? m.name.slice(m.name.indexOf(':') + 1) : 'latest',
        detail: 'Jarvis · local',
        tooltip: `Ollama on this machine${size ? ` (${size})` : ''}: free, nothing leaves the machine. Context ${context.toLocaleString('en-US')} tokens${tools ? '' : '; cannot call tools'}.`,
        // The whole window, as /api/show reports it: the answer's room is kept where the request is
        // built (the fit check and num_ctx in routing), not taken off what VS Code is told.
        maxInputTokens: context,
        maxOutputTokens: ollamaLimits(context).maxOutputTokens,
        toolCalling: tools,
        target: { provider: 'ollama', model: m.name },
      };
    });
  const seen = new Set<string>();
  const cloud = input.cloud
    .filter((c) => !seen.has(`${c.provider}/${c.model}`) && seen.add(`${c.provider}/${c.model}`))
    .map((c): CatalogEntry => {
      const limits = cloudLimits(c.model);
      const label = c.provider === 'openai' ? 'OpenAI' : 'Anthropic';
      return {
        id: `${c.provider}/${c.model}`,
        name: c.model,
        family: c.model,
        version: c.model,
        detail: `Jarvis · ${label}`,
        tooltip: `${label} in the cloud, billed to your key and counted in the Jarvis budget.${limits.documented ? '' : ' Limits not documented for this name: assumed small.'}`,
        maxInputTokens: limits.maxInputTokens,
        maxOutputTokens: limits.maxOutputTokens,
        toolCalling: true,
        target: { provider: c.provider, model: c.model },
      };
    });
  const all = [...local.filter((m) => m.toolCalling), ...cloud];
  const auto: CatalogEntry = {
    id: AUTO_MODEL_ID,
    name: 'Jarvis Auto',
    family: 'jarvis-auto',
    version: '1',
    detail: 'local first, cloud when needed',
    tooltip:
      'Routes each request like @jarvis: local models for everyday work, the cloud for hard questions, secrets kept on this machine, within your budget.',
    maxInputTokens: Math.max(8_192 - OLLAMA_MAX_OUTPUT, ...all.map((m) => m.maxInputTokens)),
    maxOutputTokens: Math.max(OLLAMA_MAX_OUTPUT, ...all.map((m) => m.maxOutputTokens)),
    // Always: VS Code runs a chat participant only when a tool-capable model exists, and Auto
    // routes tool requests to the models that can take them (or says which to pull).
    toolCalling: true,
  };
  return [auto, ...local, ...cloud];
}
