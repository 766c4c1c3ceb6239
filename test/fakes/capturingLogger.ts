import type { Logger } from '../../src/core/ports';

/** A logger that appends every line, whatever its level, to `lines`. */
export function capturingLogger(lines: string[]): Logger {
  const log = (message: unknown, ...args: unknown[]) => lines.push([message, ...args].map(String).join(' '));
  return { trace: log, debug: log, info: log, warn: log, error: log };
}
