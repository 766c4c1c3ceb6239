import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'jarvis-hybrid.jarvis';

/** What the extension's activate() returns (the contract the lead implements in src/extension.ts). */
export interface JarvisApi {
  chatHandler: vscode.ChatRequestHandler;
  tokens: { inWorker(): boolean };
  secrets: {
    set(provider: 'openai' | 'anthropic', key: string): Promise<void>;
    get(provider: 'openai' | 'anthropic'): Promise<string | undefined>;
    clear(): Promise<void>;
  };
}

export function jarvisExtension(): vscode.Extension<JarvisApi> {
  const ext = vscode.extensions.getExtension<JarvisApi>(EXTENSION_ID);
  assert.ok(ext, `Extension ${EXTENSION_ID} is not loaded in this VS Code window (check extensionDevelopmentPath).`);
  return ext;
}

/** Activates the extension (idempotent) and checks the API has the promised shape. */
export async function activateJarvis(): Promise<JarvisApi> {
  const api = await jarvisExtension().activate();
  assert.ok(api, 'activate() returned no API object.');
  assert.equal(typeof api.chatHandler, 'function', 'API.chatHandler is not a function.');
  for (const m of ['set', 'get', 'clear'] as const) {
    assert.equal(typeof api.secrets?.[m], 'function', `API.secrets.${m} is not a function.`);
  }
  return api;
}
