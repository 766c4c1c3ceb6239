import * as vscode from 'vscode';
import type { Event } from '../../common/Emitter';
import type { OllamaStatus } from '../../core/llm/ollama/OllamaStatusMonitor';
import type { CloudProvider } from '../../core/security/ApiKeyStore';
import { firstRunOffer, ollamaContext, rememberStepDone } from './firstRunOffer';

/** `<publisher>.<name>#<walkthrough id>` as workbench.action.openWalkthrough takes it. */
export const WALKTHROUGH = 'jarvis-hybrid.jarvis#jarvis.getStarted';

/** Context keys the walkthrough's steps complete on (package.json completionEvents: onContext:<key>). */
export const walkthroughContext = {
  ollamaReachable: 'jarvis.walkthrough.ollamaReachable',
  modelReady: 'jarvis.walkthrough.modelReady',
  cloudKey: 'jarvis.walkthrough.cloudKey',
  asked: 'jarvis.walkthrough.asked',
  remembered: 'jarvis.walkthrough.remembered',
} as const;

/** globalState key: the first-run offer was made (or was not needed); never offer again. */
export const OFFERED_STATE_KEY = 'jarvis.walkthrough.offered';

export interface WalkthroughDeps {
  globalState: vscode.Memento;
  secrets: vscode.SecretStorage;
  ollama: { readonly status: OllamaStatus; readonly onDidChange: Event<OllamaStatus> };
  hasKey(provider: CloudProvider): Promise<boolean>;
  /** Fires when a model answered a chat request (the "ask" step's real event). */
  onDidAnswer: Event<void>;
  /** Fires for each memory a person stored (the "remember" step's real event: a decision stored). */
  onDidRemember: Event<{ type: string }>;
  log: { info(message: string): void };
}

const setContext = (key: string, value: boolean): Thenable<unknown> => vscode.commands.executeCommand('setContext', key, value);

/**
 * "Get started with Jarvis": keeps the steps' context keys true to what happened (Ollama answered, the
 * model is installed, a cloud key is stored, a question was answered), and at the first activation
 * offers the walkthrough once in a dismissable notification when Ollama cannot be reached.
 */
export function registerWalkthrough(deps: WalkthroughDeps): vscode.Disposable {
  const subscriptions: vscode.Disposable[] = [];
  let offerSettled = deps.globalState.get<boolean>(OFFERED_STATE_KEY) === true;

  const onStatus = (status: OllamaStatus): void => {
    const ctx = ollamaContext(status);
    // Keys only ever turn on: a step stays done when Ollama later goes away.
    if (ctx.reachable) void setContext(walkthroughContext.ollamaReachable, true);
    if (ctx.modelReady) void setContext(walkthroughContext.modelReady, true);
    const decision = firstRunOffer(status, offerSettled);
    if (decision === 'wait' || offerSettled) return;
    offerSettled = true;
    void deps.globalState.update(OFFERED_STATE_KEY, true);
    if (decision === 'offer' && status.state === 'unreachable') void offer(status.host, deps.log);
  };
  subscriptions.push(deps.ollama.onDidChange(onStatus));
  onStatus(deps.ollama.status);

  const checkKeys = async (): Promise<void> => {
    if ((await deps.hasKey('openai')) || (await deps.hasKey('anthropic'))) await setContext(walkthroughContext.cloudKey, true);
  };
  void checkKeys();
  subscriptions.push(deps.secrets.onDidChange(() => void checkKeys()));
  subscriptions.push(deps.onDidAnswer(() => void setContext(walkthroughContext.asked, true)));
  subscriptions.push(deps.onDidRemember((record) => void (rememberStepDone(record) && setContext(walkthroughContext.remembered, true))));
  return vscode.Disposable.from(...subscriptions);
}

export const OPEN_WALKTHROUGH = 'Open Walkthrough';

async function offer(host: string, log: WalkthroughDeps['log']): Promise<void> {
  log.info(`Ollama is not reachable at ${host} on first start: offering the Get Started walkthrough.`);
  const choice = await vscode.window.showInformationMessage(
    `Jarvis answers with your local Ollama model, but nothing answers at ${host}. The Get Started walkthrough connects it in a few steps.`,
    OPEN_WALKTHROUGH,
  );
  if (choice === OPEN_WALKTHROUGH) await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
}
