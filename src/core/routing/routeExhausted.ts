import { JarvisError } from '../../common/errors';
import { describeAttempt, type Attempt, type SkippedAttempt } from './Attempt';
import { candidateKey, type Candidate } from './Candidate';
import { tierName } from './complexity/TaskComplexity';
import { contextExhausted } from './contextExhausted';
import type { RouteRequest } from './RouteRequest';

/**
 * The error when no candidate answered: one real failure keeps its code (so the UI offers its fix),
 * otherwise the message says why each model could not be used and what would help.
 */
export function routeExhausted(request: RouteRequest, attempts: Attempt[], isLocal: (c: Candidate) => boolean): JarvisError {
  const failed = attempts.filter((a) => a.outcome === 'failed');
  const list = (xs: Attempt[]) =>
    xs
      .slice(0, 5)
      .map((a) => `${candidateKey(a.candidate)} (${describeAttempt(a)})`)
      .join('; ') + (xs.length > 5 ? `; and ${xs.length - 5} more` : '');
  const tier = tierName(request.tier);
  const tooLong = attempts.filter((a): a is SkippedAttempt => a.outcome === 'skipped' && a.window !== undefined);
  if (failed.length === 0 && tooLong.length > 0) return contextExhausted(request, tooLong, attempts, list);
  if (failed.length === 1) {
    // One real failure: keep its code so the UI offers the right fix (start Ollama, set a key…).
    const f = failed[0];
    const others = attempts.filter((a) => a.outcome === 'skipped');
    const suffix = others.length ? ` No other model was available: ${list(others)}.` : '';
    return new JarvisError(f.error.code, `${f.error.message}${suffix}`, { provider: f.candidate.provider, model: f.candidate.model });
  }
  if (failed.length > 1) return new JarvisError('no-model-available', `Every model failed for this ${tier} request: ${list(failed)}.`);
  const skipped = list(attempts.filter((a) => !isLocal(a.candidate) || !request.localBlocked));
  if (request.privacy?.localOnly) {
    return new JarvisError(
      'no-model-available',
      `This request must stay on this machine (${request.privacy.reasons.join('; ')}), but no local model is available${skipped ? `: ${skipped}` : ''}. Start Ollama and pull a model, or remove the sensitive content; nothing was sent.`,
    );
  }
  if (request.cloudBlocked) {
    return new JarvisError(request.cloudBlocked.code, `${request.cloudBlocked.message} No local model is available either${skipped ? `: ${skipped}` : ''}.`);
  }
  if (request.localBlocked)
    return new JarvisError(
      'no-model-available',
      `No cloud model is available for this ${tier} request${skipped ? `: ${skipped}` : ''}. Add an API key or check the provider settings.`,
    );
  return new JarvisError(
    'no-model-available',
    `No model is available for this ${tier} request${skipped ? `: ${skipped}` : ''}. Start Ollama and pull a model, or add an API key for a cloud provider.`,
  );
}
