/**
 * What the host (the VS Code adapters in src/vscode, or fakes in tests) provides to core.
 * Core never imports 'vscode': it receives these through constructors.
 */
import type { Event } from '../common/Emitter';
export type { Clock } from '../common/Clock';

/** Encrypted per-user secrets (VS Code SecretStorage). */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  store(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Small JSON-serialisable state (VS Code Memento). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Promise<void>;
}

/** Raw settings under the `jarvis.` section, read on demand, with a change signal. */
export interface SettingsSource {
  /** Value of `jarvis.<key>` as the user wrote it (unknown: it may be malformed). */
  get(key: string): unknown;
  readonly onDidChange: Event<void>;
}

export interface Logger {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
  /** A logger whose records all carry this context (structured loggers only; see StructuredLogger). */
  child?(context: Record<string, unknown>, name?: string): Logger;
}

export const nullLogger: Logger = {
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
};
