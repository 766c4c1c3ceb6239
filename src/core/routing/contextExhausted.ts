import { JarvisError, type JarvisErrorCode } from '../../common/errors';
import type { PrivacyVerdict } from '../security/PrivacyGuard';
import type { Attempt, SkippedAttempt } from './Attempt';
import type { Candidate } from './Candidate';

/** What of the routed request decides the message (a subset of RouteRequest, which imports this file). */
export interface ExhaustedRequest {
  only?: Candidate;
  privacy?: PrivacyVerdict;
  cloudBlocked?: { code: JarvisErrorCode; message: string };
}

/** 18234 → "18,234". */
export const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * The error when a request fits no model that may take it: it names the request's size, each window it
 * is over, why the larger models could not be used, and the fix for that case. Nothing was sent.
 */
export function contextExhausted(request: ExhaustedRequest, tooLong: SkippedAttempt[], attempts: Attempt[], list: (xs: Attempt[]) => string): JarvisError {
  const tokens = tooLong[0].window?.tokens ?? 0;
  const over = tooLong.map((a) => `${a.candidate.model} (${fmt(a.window?.limit ?? 0)})`).join(', ');
  const head = `This request is about ${fmt(tokens)} tokens, more than ${over} can take.`;
  const shorten = 'or start a new conversation with less in it (fewer or smaller attachments, fewer tools)';
  if (request.only) {
    return new JarvisError('no-model-available', `${head} Pick Jarvis Auto or a model with a larger context window, ${shorten}; nothing was sent.`, {
      provider: request.only.provider,
      model: request.only.model,
    });
  }
  const others = attempts.filter((a) => a.outcome === 'skipped' && a.window === undefined);
  const why = others.length > 0 ? ` The other models could not be used: ${list(others)}.` : '';
  if (request.privacy?.localOnly) {
    return new JarvisError(
      'no-model-available',
      `${head} It must stay on this machine (${request.privacy.reasons.join('; ')}): pull a local model with a larger context window (e.g. \`ollama pull qwen2.5\`, 32,768 tokens), ${shorten}; nothing was sent.`,
    );
  }
  if (request.cloudBlocked) {
    return new JarvisError(
      request.cloudBlocked.code,
      `${head} ${request.cloudBlocked.message}${why} Pull a local model with a larger context window, ${shorten}.`,
    );
  }
  return new JarvisError(
    'no-model-available',
    `${head}${why} Add an OpenAI or Anthropic API key ("Jarvis: Set OpenAI API Key": gpt-4.1 takes about 1M tokens, Claude 200,000), pull a local model with a larger context window, ${shorten}; nothing was sent.`,
  );
}
