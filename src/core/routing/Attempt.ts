import type { JarvisErrorCode } from '../../common/errors';
import type { Candidate } from './Candidate';

/** A candidate passed over before a call: policy (privacy, budget) or availability. */
export interface SkippedAttempt {
  candidate: Candidate;
  outcome: 'skipped';
  reason: string;
  /** Set when the request does not fit the candidate's context window: its tokens and the candidate's input limit. */
  window?: { tokens: number; limit: number };
}

/** A candidate that was called and failed before its first token; the error is kept as data. */
export interface FailedAttempt {
  candidate: Candidate;
  outcome: 'failed';
  error: { code: JarvisErrorCode; message: string };
}

export interface AnsweredAttempt {
  candidate: Candidate;
  outcome: 'answered';
}

/** What happened to one candidate of a routed request, in the order they were considered. */
export type Attempt = SkippedAttempt | FailedAttempt | AnsweredAttempt;

/** The words for an attempt in traces and messages: the skip reason, or "code: message" of the failure. */
export function describeAttempt(a: Attempt): string {
  switch (a.outcome) {
    case 'skipped':
      return a.reason;
    case 'failed':
      return `${a.error.code}: ${a.error.message}`;
    case 'answered':
      return 'answered';
  }
}
