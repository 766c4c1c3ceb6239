/**
 * Typed Jarvis settings. Every setting is declared once here with its default; a unit test checks
 * these defaults against package.json `contributes.configuration`.
 */
export interface JarvisSettings {
  ollama: {
    /** @default true */
    enabled: boolean;
    /** @default "http://localhost:11434" */
    host: string;
    /** @default "llama3" */
    model: string;
  };
  chat: {
    /** @default 10 */
    historyTurns: number;
    systemPrompt: string;
  };
}

export const DEFAULT_SETTINGS: JarvisSettings = {
  ollama: {
    enabled: true,
    host: 'http://localhost:11434',
    model: 'llama3',
  },
  chat: {
    historyTurns: 10,
    systemPrompt:
      'You are Jarvis, a concise coding assistant inside VS Code. Answer with correct, minimal code and short explanations. Use fenced code blocks with a language tag.',
  },
};

/** Flat `jarvis.*` key → default, in the shape package.json declares them. */
export function flattenDefaults(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (obj: object, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(v, `${prefix}${k}.`);
      else out[`jarvis.${prefix}${k}`] = v;
    }
  };
  walk(DEFAULT_SETTINGS, '');
  return out;
}
