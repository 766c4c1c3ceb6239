import type { LmApi } from '../../src/vscode/lm/LmApi';

/**
 * Stand-ins for the `vscode` classes the language-model provider and its conversions use, with
 * the editor's shapes and enum values (Node has no `vscode` module). Only for pure conversion and
 * streaming code: what a real extension host shows is tested there.
 */
class LanguageModelTextPart {
  constructor(public value: string) {}
}
class LanguageModelToolCallPart {
  constructor(
    public callId: string,
    public name: string,
    public input: object,
  ) {}
}
class LanguageModelToolResultPart {
  constructor(
    public callId: string,
    public content: unknown[],
  ) {}
}
class LanguageModelPromptTsxPart {
  constructor(public value: unknown) {}
}
class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  readonly event = (listener: (e: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}
class CancellationError extends Error {
  constructor() {
    super('Canceled');
    this.name = 'Canceled';
  }
}

export const lmStandIn = {
  LanguageModelTextPart,
  LanguageModelToolCallPart,
  LanguageModelToolResultPart,
  LanguageModelPromptTsxPart,
  LanguageModelChatMessageRole: { User: 1, Assistant: 2 },
  LanguageModelChatToolMode: { Auto: 1, Required: 2 },
  EventEmitter,
  CancellationError,
} as unknown as LmApi;

/** A request message as VS Code hands it to a provider: role, content parts, optional name. */
export function lmMessage(role: 1 | 2 | 3, content: unknown[]): { role: number; content: unknown[]; name: undefined } {
  return { role, content, name: undefined };
}
