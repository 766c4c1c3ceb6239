import { JarvisError } from '../../common/errors';
import type { ProviderChatRequest } from './types';

const ROLES = new Set(['system', 'user', 'assistant']);

/**
 * Rejects a malformed request before any network call, with a message naming the bad field, so a
 * caller bug is not reported as a provider failure (and is never retried).
 */
export function validateChatRequest(request: ProviderChatRequest, label: string): void {
  if (typeof request.model !== 'string' || request.model.trim() === '') {
    throw new JarvisError('invalid-input', `No ${label} model is set: choose a model name in the Jarvis settings.`);
  }
  if (!Array.isArray(request.messages) || request.messages.length === 0) {
    throw new JarvisError('invalid-input', `A ${label} chat request needs at least one message.`);
  }
  request.messages.forEach((m, i) => {
    if (typeof m !== 'object' || m === null || !ROLES.has(m.role)) {
      throw new JarvisError('invalid-input', `Message ${i} has role "${String((m as { role?: unknown } | null)?.role)}"; expected system, user or assistant.`);
    }
    if (typeof m.content !== 'string') {
      throw new JarvisError('invalid-input', `Message ${i} (${m.role}) has no text content.`);
    }
  });
  if (request.temperature !== undefined && !(request.temperature >= 0 && request.temperature <= 2)) {
    throw new JarvisError('invalid-input', `temperature must be between 0 and 2 (got ${String(request.temperature)}).`);
  }
  if (request.maxTokens !== undefined && !(Number.isInteger(request.maxTokens) && request.maxTokens > 0)) {
    throw new JarvisError('invalid-input', `maxTokens must be a positive whole number (got ${String(request.maxTokens)}).`);
  }
}
