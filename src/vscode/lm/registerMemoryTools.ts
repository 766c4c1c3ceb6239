import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import type { SlashCommand } from '../../core/chat/ChatPipeline';
import { memoryToolArgument, MEMORY_TOOLS, type MemoryToolName, runMemoryTool } from '../../core/memory/memoryTools';

/**
 * Jarvis's memory as language-model tools any agent can call (declared in package.json under
 * languageModelTools): recall and decisions read; remember asks the user first, showing exactly
 * what will be stored.
 */
export function registerMemoryTools(commands: readonly SlashCommand[]): vscode.Disposable {
  if (typeof vscode.lm?.registerTool !== 'function') return new vscode.Disposable(() => undefined);
  return vscode.Disposable.from(...(Object.keys(MEMORY_TOOLS) as MemoryToolName[]).map((name) => vscode.lm.registerTool(name, memoryTool(name, commands))));
}

function memoryTool(name: MemoryToolName, commands: readonly SlashCommand[]): vscode.LanguageModelTool<Record<string, unknown>> {
  return {
    prepareInvocation(options) {
      if (name !== 'jarvis_remember') {
        return { invocationMessage: name === 'jarvis_recall' ? 'Searching Jarvis memory…' : 'Listing decisions in Jarvis memory…' };
      }
      let text: string;
      try {
        text = memoryToolArgument(name, options.input);
      } catch {
        return { invocationMessage: 'Remembering…' };
      }
      const message = new vscode.MarkdownString('Jarvis will store this in the memory of this workspace (you can delete it later in the Memory view):\n\n');
      message.appendText(text);
      return { invocationMessage: 'Remembering…', confirmationMessages: { title: 'Remember this?', message } };
    },
    async invoke(options, token) {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        const text = await runMemoryTool(commands, name, options.input, abort.signal);
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
      } catch (e) {
        // Thrown errors reach the model as the tool's failure; the message says what was wrong.
        throw new Error(`${name}: ${errorMessage(e)}`);
      } finally {
        sub.dispose();
      }
    },
  };
}
