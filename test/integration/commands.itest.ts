import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateJarvis, jarvisExtension } from './jarvisApi';

describe('Commands', () => {
  it('registers every command declared in package.json contributes.commands', async () => {
    await activateJarvis();
    const declared = ((jarvisExtension().packageJSON.contributes?.commands ?? []) as { command: string }[]).map((c) => c.command);
    assert.ok(declared.length > 0, 'package.json declares no commands.');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `Declared but not registered: ${missing.join(', ')}`);
  });

  it('declares every jarvis.* command in the "Jarvis" category', () => {
    const declared = (jarvisExtension().packageJSON.contributes?.commands ?? []) as { command: string; category?: string }[];
    const wrong = declared.filter((c) => !c.command.startsWith('jarvis.') || c.category !== 'Jarvis').map((c) => c.command);
    assert.deepEqual(wrong, []);
  });
});
