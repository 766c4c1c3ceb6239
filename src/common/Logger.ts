/** The logging port every layer writes to (the host's output channel, a structured logger, or a test fake). */
export interface Logger {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
  /** A logger whose records all carry this context (structured loggers only; see StructuredLogger). */
  child?(context: Record<string, unknown>, name?: string): Logger;
}

export const nullLogger: Logger = {
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
};
