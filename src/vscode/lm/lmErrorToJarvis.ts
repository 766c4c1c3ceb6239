import { JarvisError } from '../../common/errors';

/**
 * Maps a vscode.lm `LanguageModelError` (its `code` is the error's name: `NoPermissions`, `Blocked`,
 * `NotFound`, or `Unknown` with the real error in `cause`) to the JarvisError the router understands,
 * so a refused consent or a vanished model falls back to the next candidate like any provider error.
 */
export function lmErrorToJarvis(code: string | undefined, message: string, model: string, cause?: unknown): JarvisError {
  const details = { provider: 'vscode', model, cause };
  const why = message ? ` (${message})` : '';
  switch (code) {
    case 'NoPermissions':
      return new JarvisError(
        'auth-failed',
        `Jarvis is not allowed to use the VS Code chat model ${model}${why}. Allow Jarvis when VS Code asks, or manage access under Accounts → Manage Language Model Access.`,
        details,
      );
    case 'Blocked':
      return new JarvisError(
        'rate-limited',
        `The VS Code chat model ${model} is refusing requests from Jarvis for now${why}, usually because a usage quota is reached. Try again later.`,
        details,
      );
    case 'NotFound':
      return new JarvisError(
        'model-not-found',
        `The VS Code chat model ${model} is no longer available${why}. The extension that provided it may have been disabled or signed out.`,
        details,
      );
    default:
      return new JarvisError('provider-error', `The VS Code chat model ${model} failed${why}.`, details);
  }
}
