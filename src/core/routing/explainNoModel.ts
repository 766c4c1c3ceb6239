import { isJarvisError, JarvisError } from '../../common/errors';
import type { JarvisSettings } from '../config/settings';

/** Gives "nothing available" the code whose actions fix it (start Ollama, enable it); other errors pass through. */
export function explainNoModel(e: unknown, settings: JarvisSettings, ollamaDown: JarvisError | undefined): unknown {
  if (!isJarvisError(e, 'no-model-available')) return e;
  if (settings.ollama.enabled && ollamaDown)
    return new JarvisError('provider-unreachable', e.message, { provider: 'ollama', host: settings.ollama.host, cause: e });
  if (!settings.ollama.enabled) return new JarvisError('provider-disabled', e.message, { provider: 'ollama', cause: e });
  return e;
}
