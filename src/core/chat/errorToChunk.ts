import { errorMessage, isJarvisError, type JarvisError } from '../../common/errors';
import type { JarvisSettings } from '../config/settings';
import type { ChatAction, ChatChunk } from './ChatChunk';
import { commandIds } from '../commandIds';

const showLog: ChatAction = { title: 'Show Log', command: commandIds.showLog };
const openSetting = (key: string, title: string): ChatAction => ({
  title,
  command: commandIds.openSettings,
  args: [key],
});

/**
 * Turns any failure into a chat message that says what is wrong and offers what to do next.
 * Users see this instead of a stack trace; the log keeps the details.
 */
export function errorToChunk(e: unknown, settings: JarvisSettings): Extract<ChatChunk, { type: 'error' }> {
  if (!isJarvisError(e)) {
    return {
      type: 'error',
      code: 'provider-error',
      message: `Something went wrong: ${errorMessage(e)}`,
      actions: [showLog],
    };
  }
  return { type: 'error', code: e.code, message: e.message, actions: actionsFor(e, e.details.model ?? settings.ollama.model) };
}

/** What the user can do about each kind of failure; the log is the fallback. */
function actionsFor(e: JarvisError, model: string): ChatAction[] {
  switch (e.code) {
    case 'provider-disabled':
      return [openSetting('jarvis.ollama.enabled', 'Enable Ollama')];
    case 'provider-unreachable':
      return [{ title: 'Retry Connection', command: commandIds.checkOllama }, openSetting('jarvis.ollama.host', 'Change Ollama Host')];
    case 'model-not-found':
      return [{ title: `Pull ${model}`, command: commandIds.pullModel, args: [model] }, openSetting('jarvis.ollama.model', 'Choose Another Model')];
    case 'budget-exceeded':
      return [{ title: 'Allow One Request Over Budget', command: commandIds.allowOverBudgetOnce }, openSetting('jarvis.budget.dailyUsd', 'Change Budget')];
    case 'privacy-blocked':
      return [openSetting('jarvis.privacy.mode', 'Change Privacy Mode')];
    case 'auth-failed': {
      // A key problem of one provider offers that provider's key command; unknown providers offer both.
      const provider = e.details.provider;
      if (provider === 'vscode') return [showLog];
      const actions: ChatAction[] = [];
      if (provider !== 'anthropic') actions.push({ title: 'Set OpenAI API Key', command: commandIds.setOpenAIKey });
      if (provider !== 'openai') actions.push({ title: 'Set Anthropic API Key', command: commandIds.setAnthropicKey });
      return actions;
    }
    default:
      return [showLog];
  }
}
