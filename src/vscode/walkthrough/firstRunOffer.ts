import type { OllamaStatus } from '../../core/llm/ollama/OllamaStatusMonitor';

/**
 * What the first activation does about the walkthrough, from the first settled Ollama status:
 * `wait` while the first check runs, `offer` when Ollama cannot be reached (the walkthrough's first step
 * is exactly that), `skip` otherwise. Once the walkthrough was offered (or the first check found Ollama
 * fine) it is never offered again: `remembered` is what globalState says.
 */
export function firstRunOffer(status: OllamaStatus, remembered: boolean): 'wait' | 'offer' | 'skip' {
  if (remembered) return 'skip';
  if (status.state === 'checking') return 'wait';
  return status.state === 'unreachable' ? 'offer' : 'skip';
}

/** The walkthrough's context keys for an Ollama status (each step completes when its key turns true). */
export function ollamaContext(status: OllamaStatus): { reachable: boolean; modelReady: boolean } {
  return {
    reachable: status.state === 'ready' || status.state === 'model-missing',
    modelReady: status.state === 'ready',
  };
}

/** The "Remember a decision" step is done once a person stored a decision (by /remember, Remember Selection or the tool). */
export function rememberStepDone(record: { type: string }): boolean {
  return record.type === 'decision';
}
