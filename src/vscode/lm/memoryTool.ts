import type * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import type { SlashCommand } from '../../core/chat/ChatPipeline';
import { memoryToolArgument, type MemoryToolName, runMemoryTool } from '../../core/memory/memoryTools';

/** The `vscode` classes a memory tool builds its answers with (a stand-in in unit tests). */
export type MemoryToolApi = Pick<typeof vscode, 'MarkdownString' | 'LanguageModelToolResult' | 'LanguageModelTextPart'>;

/** One memory tool: recall and decisions read; remember asks first, showing exactly what will be stored. */
export function memoryTool(vscode: MemoryToolApi, name: MemoryToolName, commands: readonly SlashCommand[]): vscode.LanguageModelTool<Record<string, unknown>> {
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
