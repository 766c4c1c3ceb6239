/**
 * Commands the chat view may run on behalf of a button in the webview. The webview draws
 * untrusted model output, so anything it asks for is checked here: only Jarvis's own commands
 * and the Settings editor (which error actions use to point at a setting).
 */
export function isAllowedActionCommand(command: string): boolean {
  return (
    (command.startsWith('jarvis.') && command.length > 'jarvis.'.length) ||
    command.startsWith('workbench.action.openSettings')
  );
}
