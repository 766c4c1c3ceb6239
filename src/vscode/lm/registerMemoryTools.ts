import * as vscode from 'vscode';
import type { SlashCommand } from '../../core/chat/ChatPipeline';
import { MEMORY_TOOLS, type MemoryToolName } from '../../core/memory/memoryTools';
import { memoryTool } from './memoryTool';

/**
 * Jarvis's memory as language-model tools any agent can call (declared in package.json under
 * languageModelTools): recall and decisions read; remember asks the user first, showing exactly
 * what will be stored.
 */
export function registerMemoryTools(commands: readonly SlashCommand[]): vscode.Disposable {
  if (typeof vscode.lm?.registerTool !== 'function') return new vscode.Disposable(() => undefined);
  return vscode.Disposable.from(
    ...(Object.keys(MEMORY_TOOLS) as MemoryToolName[]).map((name) => vscode.lm.registerTool(name, memoryTool(vscode, name, commands))),
  );
}
