import { describeAttempt, type Attempt } from './Attempt';
import { candidateKey, type Candidate } from './Candidate';
import { tierName } from './complexity/TaskComplexity';
import type { RouteRequest } from './RouteRequest';

/** The reason shown with an answer: its tier and model, then every candidate skipped or failed before it. */
export function explainRoute(request: Pick<RouteRequest, 'tier'>, answered: Candidate, attempts: Attempt[]): string {
  const parts = [`${tierName(request.tier)} tier → ${candidateKey(answered)}`];
  for (const a of attempts) {
    if (a.outcome === 'skipped') parts.push(`skipped ${candidateKey(a.candidate)}: ${a.reason}`);
    if (a.outcome === 'failed') parts.push(`${candidateKey(a.candidate)} failed: ${describeAttempt(a)}`);
  }
  return parts.join('; ');
}
