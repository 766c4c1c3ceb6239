import type { Logger } from '../ports';
import { redactSecret } from './toProviderError';

type LogFn = (message: string, ...rest: unknown[]) => void;

/** The logger shape both SDKs accept (`ClientOptions.logger`). */
export interface SdkLogger {
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
}

/**
 * Routes an SDK's own log lines to the Jarvis log, tagged with the provider and with the API key
 * scrubbed from every string argument (the SDKs log raw stream data when a chunk fails to parse).
 */
export function sdkLogger(logger: Logger, label: string, secret: string): SdkLogger {
  const clean = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? redactSecret(a, secret) : a));
  const wrap =
    (fn: (message: string, ...args: unknown[]) => void): LogFn =>
    (message, ...rest) =>
      fn(`[${label} SDK] ${redactSecret(message, secret)}`, ...clean(rest));
  return {
    error: wrap((m, ...a) => logger.error(m, ...a)),
    warn: wrap((m, ...a) => logger.warn(m, ...a)),
    info: wrap((m, ...a) => logger.info(m, ...a)),
    debug: wrap((m, ...a) => logger.debug(m, ...a)),
  };
}
