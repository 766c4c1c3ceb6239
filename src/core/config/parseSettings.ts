import { DEFAULT_SETTINGS, JarvisSettings } from './settings';

export interface ParsedSettings {
  settings: JarvisSettings;
  /** One human-readable line per invalid value that was replaced by its default. */
  warnings: string[];
}

type Read = (key: string) => unknown;

/**
 * Reads every setting defensively: a value of the wrong type or out of range is replaced by its
 * default and reported, so a typo in settings.json never breaks Jarvis.
 */
export function parseSettings(read: Read): ParsedSettings {
  const warnings: string[] = [];
  const d = DEFAULT_SETTINGS;

  const bool = (key: string, def: boolean): boolean => {
    const v = read(key);
    if (v === undefined) return def;
    if (typeof v === 'boolean') return v;
    warnings.push(`jarvis.${key} must be true or false (got ${show(v)}); using ${def}.`);
    return def;
  };
  const int = (key: string, def: number, min: number, max: number): number => {
    const v = read(key);
    if (v === undefined) return def;
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    warnings.push(`jarvis.${key} must be a whole number from ${min} to ${max} (got ${show(v)}); using ${def}.`);
    return def;
  };
  const str = (key: string, def: string, check: (s: string) => string | undefined): string => {
    const v = read(key);
    if (v === undefined) return def;
    if (typeof v !== 'string') {
      warnings.push(`jarvis.${key} must be a string (got ${show(v)}); using "${def}".`);
      return def;
    }
    const trimmed = v.trim();
    const problem = check(trimmed);
    if (problem) {
      warnings.push(`jarvis.${key} ${problem} (got ${show(v)}); using "${def}".`);
      return def;
    }
    return trimmed;
  };

  const settings: JarvisSettings = {
    ollama: {
      enabled: bool('ollama.enabled', d.ollama.enabled),
      host: str('ollama.host', d.ollama.host, checkHttpUrl).replace(/\/+$/, ''),
      model: str('ollama.model', d.ollama.model, checkModelName),
    },
    chat: {
      historyTurns: int('chat.historyTurns', d.chat.historyTurns, 0, 100),
      systemPrompt: str('chat.systemPrompt', d.chat.systemPrompt, () => undefined),
    },
  };
  return { settings, warnings };
}

function checkHttpUrl(s: string): string | undefined {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return 'must be a URL such as http://localhost:11434';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (url.username || url.password) return 'must not contain credentials';
  return undefined;
}

// Ollama names: optional namespace/, name, optional :tag — letters, digits, . _ - only.
const MODEL_NAME = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*(:[a-z0-9][a-z0-9._-]*)?$/i;

function checkModelName(s: string): string | undefined {
  if (s === '') return 'must not be empty';
  if (s.length > 200 || !MODEL_NAME.test(s)) return 'must be an Ollama model name such as llama3 or qwen2.5-coder:7b';
  return undefined;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
