import { type Clock, systemClock } from '../../common/Clock';
import { JarvisError } from '../../common/errors';
import { type Logger, nullLogger } from '../ports';
import { type CloudConnection, type ValidCloudConnection, validateCloudConnection } from './CloudConnection';
import { type SdkLogger, sdkLogger } from './sdkLogger';
import type { StreamWatchdog } from './StreamWatchdog';
import { redactSecret, type SdkErrorClasses, toProviderError } from './toProviderError';
import type { ProviderId } from './types';

/** Who a cloud provider is, as its settings checks and errors name it. */
export interface CloudProviderIdentity {
  provider: ProviderId;
  /** As users know it: `OpenAI`, `Anthropic`. */
  label: string;
  /** Command palette entry that sets the key. */
  keyCommand: string;
  /** That provider's own SDK error classes, so `instanceof` checks what it really throws. */
  sdk: SdkErrorClasses;
}

/** The client options both Stainless-generated SDKs (openai, @anthropic-ai/sdk) take the same way. */
export interface SdkClientOptions {
  apiKey: string;
  maxRetries: number;
  timeout: number;
  logger: SdkLogger;
  logLevel: 'warn';
  fetch?: typeof fetch;
}

/**
 * What the OpenAI and Anthropic providers share: how they read their connection, the SDK client
 * options common to both, and the errors they report. Each subclass says who it is in `who`.
 */
export abstract class SdkCloudProvider {
  readonly local = false;
  protected abstract readonly who: CloudProviderIdentity;

  /** @param connection read on every request, so a changed key or setting applies to the next one. */
  constructor(
    private readonly connection: () => CloudConnection,
    protected readonly logger: Logger = nullLogger,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The current connection, checked before any network call. */
  protected validConnection(): ValidCloudConnection {
    return validateCloudConnection(this.connection(), this.who.label, this.who.keyCommand);
  }

  /** Options for a new SDK client; the subclass adds its `baseURL` and SDK-specific extras. */
  protected clientOptions(conn: ValidCloudConnection): SdkClientOptions {
    return {
      apiKey: conn.apiKey,
      maxRetries: conn.maxRetries,
      timeout: conn.timeoutMs,
      logger: sdkLogger(this.logger, this.who.label, conn.apiKey),
      logLevel: 'warn',
      ...(conn.fetch ? { fetch: conn.fetch } : {}),
    };
  }

  /** Translates what an SDK call threw (see `toProviderError`) and logs it as a warning. */
  protected toError(e: unknown, conn: ValidCloudConnection, model: string): JarvisError {
    const { provider, label, keyCommand, sdk } = this.who;
    const error = toProviderError(e, {
      provider,
      label,
      keyCommand,
      sdk,
      baseUrl: conn.baseUrl,
      model,
      timeoutMs: conn.timeoutMs,
      secret: conn.apiKey,
      now: this.clock.now(),
    });
    this.logger.warn(`${label} ${error.code}: ${error.message}`);
    return error;
  }

  /** The server went quiet mid-answer for longer than the connection's timeout. */
  protected idleTimeout(conn: ValidCloudConnection, model: string): JarvisError {
    return new JarvisError('timeout', `${this.who.label} stopped sending for ${conn.timeoutMs / 1000} s in the middle of the answer. Try again.`, {
      provider: this.who.provider,
      model,
      host: redactSecret(conn.baseUrl, conn.apiKey),
    });
  }

  /** The stream ended without the events that mark a complete answer. */
  protected incompleteStream(conn: ValidCloudConnection, model: string): JarvisError {
    return new JarvisError('invalid-response', `The ${this.who.label} stream ended before the answer was complete. Try again.`, {
      provider: this.who.provider,
      model,
      host: redactSecret(conn.baseUrl, conn.apiKey),
    });
  }

  /** `toolMode: required` was asked for, yet the model answered in text (compatible servers may ignore tool_choice). */
  protected noToolCall(conn: ValidCloudConnection, model: string): JarvisError {
    return new JarvisError(
      'invalid-response',
      `${model} answered without calling a tool, but this request requires a tool call. Try again, or pick a model that supports required tool calls.`,
      { provider: this.who.provider, model, host: redactSecret(conn.baseUrl, conn.apiKey) },
    );
  }

  /**
   * The error for anything a streamed chat threw: an idle timeout if the watchdog fired, else a
   * cancellation if the caller aborted, else the SDK's error translated and logged.
   */
  protected streamFailure(e: unknown, watchdog: StreamWatchdog, signal: AbortSignal | undefined, conn: ValidCloudConnection, model: string): JarvisError {
    if (watchdog.timedOut) return this.idleTimeout(conn, model);
    if (signal?.aborted) return new JarvisError('cancelled', 'The request was cancelled.', { provider: this.who.provider });
    return this.toError(e, conn, model);
  }
}
