import type * as vscode from 'vscode';

/**
 * The parts of the `vscode` module the language-model provider and its conversions use: the
 * extension passes the module itself; unit tests and the benchmark pass small stand-in classes
 * (Node has no `vscode` module), so the conversions run as they do in the editor.
 */
export type LmApi = Pick<
  typeof vscode,
  | 'LanguageModelTextPart'
  | 'LanguageModelToolCallPart'
  | 'LanguageModelToolResultPart'
  | 'LanguageModelPromptTsxPart'
  | 'LanguageModelChatMessageRole'
  | 'LanguageModelChatToolMode'
  | 'EventEmitter'
  | 'CancellationError'
>;
