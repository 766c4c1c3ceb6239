import * as vscode from 'vscode';
import { MissingKeyWarnings } from '../../core/routing/missingKey';

/** Missing-key warnings as VS Code notifications; "Set … API Key" runs that command. */
export function vscodeMissingKeyWarnings(): MissingKeyWarnings {
  return new MissingKeyWarnings({
    warn: (message, actions) => Promise.resolve(vscode.window.showWarningMessage(message, ...actions)),
    run: (command) => void vscode.commands.executeCommand(command),
  });
}
