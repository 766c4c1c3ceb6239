import { commandIds } from '../commandIds';

export type CloudProvider = 'openai' | 'anthropic';

const LABEL: Record<CloudProvider, string> = { openai: 'OpenAI', anthropic: 'Anthropic' };

/** Why a cloud candidate was skipped for want of its key: the words routing reasons and notices carry. */
export function missingKeyReason(provider: CloudProvider): string {
  return `no ${LABEL[provider]} API key (run "Jarvis: Set ${LABEL[provider]} API Key")`;
}

/** The providers whose missing key a routing reason or notice names (the reverse of missingKeyReason). */
export function missingKeysIn(text: string | undefined): CloudProvider[] {
  if (!text) return [];
  return (Object.keys(LABEL) as CloudProvider[]).filter((p) => text.includes(missingKeyReason(p)));
}

/** Host UI for a warning with actions (VS Code: a notification); resolves with the action picked. */
export interface WarningNotifier {
  warn(message: string, actions: readonly string[]): Promise<string | undefined>;
  /** Runs a Jarvis command (the one that sets the key). */
  run(command: string): void;
}

const SET_KEY_COMMAND: Record<CloudProvider, string> = { openai: commandIds.setOpenAIKey, anthropic: commandIds.setAnthropicKey };

/**
 * Tells the user, once per session and provider, that Jarvis Auto wanted the cloud for a request
 * that came through the language-model provider but had no key: the log alone is not seen there.
 */
export class MissingKeyWarnings {
  private readonly shown = new Set<CloudProvider>();

  constructor(private readonly notifier: WarningNotifier) {}

  /** Warns about each provider `reason` names as missing its key, unless already warned this session. */
  noteReason(reason: string | undefined): void {
    for (const provider of missingKeysIn(reason)) {
      if (this.shown.has(provider)) continue;
      this.shown.add(provider);
      const action = `Set ${LABEL[provider]} API Key`;
      void this.notifier
        .warn(`Jarvis Auto wanted a cloud model for an agent request, but no ${LABEL[provider]} API key is set: a local model answered instead.`, [action])
        .then(
          (picked) => {
            if (picked === action) this.notifier.run(SET_KEY_COMMAND[provider]);
          },
          () => undefined,
        );
    }
  }
}
