import { errorMessage, isJarvisError } from '../../common/errors';

/** OpenAI's error `type` values, which OpenAI clients turn into their own error classes. */
export type GatewayErrorType = 'invalid_request_error' | 'authentication_error' | 'permission_error' | 'not_found_error' | 'rate_limit_error' | 'server_error';

/** A refusal with its HTTP status, sent as OpenAI's `{ error: { message, type, param, code } }`. */
export class GatewayError extends Error {
  /** The request field at fault, when one is (OpenAI's `param`). */
  param: string | null = null;

  constructor(
    readonly status: number,
    readonly type: GatewayErrorType,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GatewayError';
  }

  body(): { error: { message: string; type: GatewayErrorType; param: string | null; code: string } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** HTTP status and type for each Jarvis error code a routed request can end with. */
const STATUS: Record<string, [number, GatewayErrorType]> = {
  'invalid-input': [400, 'invalid_request_error'],
  'model-not-found': [404, 'not_found_error'],
  'budget-exceeded': [402, 'invalid_request_error'],
  'privacy-blocked': [403, 'permission_error'],
  'untrusted-workspace': [403, 'permission_error'],
  'rate-limited': [429, 'rate_limit_error'],
  timeout: [504, 'server_error'],
  'no-model-available': [503, 'server_error'],
  'provider-unreachable': [503, 'server_error'],
  'provider-disabled': [503, 'server_error'],
  'circuit-open': [503, 'server_error'],
  'auth-failed': [502, 'server_error'],
  'provider-error': [502, 'server_error'],
  'invalid-response': [502, 'server_error'],
  'storage-failed': [500, 'server_error'],
};

/** What a failure of the routing or memory behind the gateway looks like to an HTTP client. */
export function toGatewayError(e: unknown): GatewayError {
  if (e instanceof GatewayError) return e;
  if (isJarvisError(e)) {
    const [status, type] = STATUS[e.code] ?? [500, 'server_error'];
    return new GatewayError(status, type, e.code, e.message);
  }
  return new GatewayError(500, 'server_error', 'internal', `Jarvis gateway: ${errorMessage(e)}`);
}
