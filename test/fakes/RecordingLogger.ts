import type { Logger } from '../../src/core/ports';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
}

/** A logger that keeps info, warn and error records (trace and debug are dropped) for assertions. */
export class RecordingLogger implements Logger {
  /** `"<level> <message>"`, in order. */
  readonly lines: string[] = [];
  /** The same records with the level apart. */
  readonly entries: LogEntry[] = [];
  /** The warnings' messages alone, in order. */
  readonly warnings: string[] = [];
  trace(): void {}
  debug(): void {}
  info(m: string): void {
    this.record('info', m);
  }
  warn(m: string): void {
    this.warnings.push(m);
    this.record('warn', m);
  }
  error(m: string | Error): void {
    this.record('error', m instanceof Error ? m.message : m);
  }
  private record(level: LogEntry['level'], message: string): void {
    this.lines.push(`${level} ${message}`);
    this.entries.push({ level, message });
  }
}
