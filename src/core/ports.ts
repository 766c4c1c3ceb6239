/**
 * What the host (the VS Code adapters in src/vscode, or fakes in tests) provides to core.
 * Core never imports 'vscode': it receives these through constructors.
 */
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

// Defined beside their first users (config and common import nothing from the rest of core); re-exported as ports.
export type { SettingsSource } from './config/SettingsSource';
export { nullLogger, type Logger } from '../common/Logger';
