import { Lazy } from '../../common/Lazy';
import { findSecretlintProfiler, forgetProfile, silenceProfiler, type SecretlintProfiler } from './secretlintProfiler';

type Core = typeof import('@secretlint/core', { with: { 'resolution-mode': 'import' } });
type Preset = typeof import('@secretlint/secretlint-rule-preset-recommend', { with: { 'resolution-mode': 'import' } });

/** A secret found by secretlint, as a character range of the scanned text. */
export interface SecretlintSpan {
  kind: string;
  label: string;
  start: number;
  end: number;
}

interface Loaded {
  lintSource: Core['lintSource'];
  profiler: SecretlintProfiler | undefined;
  config: Parameters<Core['lintSource']>[0]['options']['config'];
}

const RULE_PREFIX = '@secretlint/secretlint-rule-';

/**
 * secretlint's recommended preset (maintained rules for AWS, GCP, GitHub, Slack, OpenAI, Anthropic,
 * SendGrid, Shopify, npm, Linear, 1Password, private keys, basic auth, database connection strings),
 * loaded on first use: it is 2.9 MB of rules that activation must not read (dist/vendor/).
 *
 * The preset's filter-comments rule is disabled: it honours `secretlint-disable` comments, and in a
 * prompt those comments come from whoever wrote the pasted text, so they must not switch detection off.
 */
export class SecretlintScanner {
  private static readonly loaded = new Lazy<Loaded>(async () => {
    const [core, preset]: [Core, Preset] = await Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]);
    const profiler = await findSecretlintProfiler(core);
    silenceProfiler(profiler);
    return {
      lintSource: core.lintSource,
      profiler,
      // Its rules one by one rather than the preset: secretlint 11.7 ignores `disabled` for a rule
      // inside a preset (RunningEvents.registerRule does not check it).
      config: {
        rules: preset.creator.rules
          .filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments')
          .map((rule) => ({ id: rule.meta.id, rule }) as Loaded['config']['rules'][number]),
      },
    };
  });

  /** True once the rules are loaded (the lazy-loading test checks activation leaves them alone). */
  static get isLoaded(): boolean {
    return SecretlintScanner.loaded.isLoaded;
  }

  /** Starts loading the rules without waiting (a failure surfaces on the next scan, which retries). */
  static warm(): void {
    SecretlintScanner.loaded.get().catch(() => undefined);
  }

  /**
   * Secrets in `text`. `fileName` (a workspace-relative path) lets file-specific rules apply, such as
   * `.npmrc` auth tokens; without one the text is scanned as plain text.
   */
  static async scan(text: string, fileName?: string): Promise<SecretlintSpan[]> {
    if (text.length === 0) return [];
    const { lintSource, config, profiler } = await SecretlintScanner.loaded.get();
    const base = fileName ? fileName.replace(/\\/g, '/').split('/').pop() || 'prompt.txt' : 'prompt.txt';
    const result = await lintSource({
      source: { filePath: `/jarvis-scan/${base}`, content: text, contentType: 'text' },
      options: { config, maskSecrets: true, noPhysicFilePath: fileName === undefined },
    });
    forgetProfile(profiler);
    return result.messages
      .filter((m) => m.type === 'message' && Array.isArray(m.range))
      .map((m) => {
        const kind = m.ruleId.startsWith(RULE_PREFIX) ? m.ruleId.slice(RULE_PREFIX.length) : m.ruleId;
        return { kind, label: `${kind} secret (secretlint ${m.messageId})`, start: m.range[0], end: m.range[1] };
      });
  }
}
