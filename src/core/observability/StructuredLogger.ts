import type { Clock } from '../../common/Clock';
import type { Logger } from '../ports';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** One log record, as the seed's structured logging writes it (one JSON object per line in the file). */
export interface LogRecord {
  timestamp: string;
  level: 'TRACE' | 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';
  logger: string;
  message: string;
  context?: Record<string, unknown>;
  process: number;
}

export interface LogSink {
  write(record: LogRecord): void;
}

export interface StructuredLoggerOptions {
  /** Dotted logger name, e.g. "jarvis.routing". */
  name: string;
  /** Read at every record: sinks come and go with settings (the log file). */
  sinks: () => readonly LogSink[];
  clock: Clock;
  /** Replaces secrets in text with `[REDACTED:<kind>]` (PrivacyGuard.redact). */
  redact: (text: string) => string;
  context?: Record<string, unknown>;
}

const LEVEL_NAMES: Record<LogLevel, LogRecord['level']> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARNING', error: 'ERROR' };

/**
 * Context keys that would carry what the user wrote or a credential: their values are never logged,
 * whatever a caller passes (a prompt can hold a secret the scanner does not recognise, or text the
 * privacy guard kept on this machine).
 */
const OMITTED_KEYS = /^(prompt|text|content|messages|answer|completion|attachments?|history|api[_-]?key|key|secret|token|password|authorization|headers?)$/i;
const MAX_DEPTH = 4;
const MAX_STRING = 2000;

/**
 * Structured JSON logging (seed Phase 11.2) behind the core's Logger port, so every existing
 * `logger.info('…')` keeps working. `child()` adds persistent context (request id, model…); a plain
 * object as the last argument is the record's context; an Error becomes `{ name, message }`.
 * Every string is passed through the secret redactor, and text-bearing keys are dropped.
 */
export class StructuredLogger implements Logger {
  constructor(private readonly options: StructuredLoggerOptions) {}

  /** A logger with more context (and optionally a sub-name: "jarvis.routing" → "jarvis.routing.request"). */
  child(context: Record<string, unknown>, name?: string): StructuredLogger {
    return new StructuredLogger({
      ...this.options,
      name: name ? `${this.options.name}.${name}` : this.options.name,
      context: { ...this.options.context, ...context },
    });
  }

  trace(message: string, ...args: unknown[]): void {
    this.emit('trace', message, args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.emit('debug', message, args);
  }
  info(message: string, ...args: unknown[]): void {
    this.emit('info', message, args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.emit('warn', message, args);
  }
  error(message: string | Error, ...args: unknown[]): void {
    if (message instanceof Error) this.emit('error', message.message, [{ error: errorFields(message) }, ...args]);
    else this.emit('error', message, args);
  }

  log(level: LogLevel, message: string, context?: Record<string, unknown>): void {
    this.emit(level, message, context ? [context] : []);
  }

  private emit(level: LogLevel, message: string, args: unknown[]): void {
    const sinks = this.options.sinks();
    if (sinks.length === 0) return;
    const context: Record<string, unknown> = { ...this.options.context };
    const extra: unknown[] = [];
    for (const a of args) {
      if (a instanceof Error) context.error = errorFields(a);
      else if (isPlainObject(a)) Object.assign(context, a);
      else extra.push(a);
    }
    if (extra.length) context.args = extra;
    const record: LogRecord = {
      timestamp: new Date(this.options.clock.now()).toISOString(),
      level: LEVEL_NAMES[level],
      logger: this.options.name,
      message: this.clean(String(message)),
      process: process.pid,
    };
    const cleaned = this.sanitize(context, 0) as Record<string, unknown>;
    if (Object.keys(cleaned).length) record.context = cleaned;
    for (const sink of sinks) {
      // A broken sink (a full disk) must not break the request that logs.
      try {
        sink.write(record);
      } catch {
        /* ignored */
      }
    }
  }

  private clean(text: string): string {
    const cut = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}… (${text.length} chars)` : text;
    try {
      return this.options.redact(cut);
    } catch {
      return '[unloggable text]';
    }
  }

  private sanitize(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.clean(value);
    if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? String(value) : value;
    if (depth >= MAX_DEPTH) return '[nested too deep]';
    if (value instanceof Error) return this.sanitize(errorFields(value), depth + 1);
    if (Array.isArray(value)) return value.slice(0, 50).map((v) => this.sanitize(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function') continue;
      out[k] = OMITTED_KEYS.test(k) ? '[omitted]' : this.sanitize(v, depth + 1);
    }
    return out;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function errorFields(e: Error): Record<string, unknown> {
  const code = (e as { code?: unknown }).code;
  return { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) };
}

/** Writes records to a Logger (the "Jarvis" LogOutputChannel, which adds its own time and level). */
export function loggerSink(target: Logger): LogSink {
  return {
    write(r) {
      const line = `[${r.logger}] ${r.message}${r.context ? ` ${JSON.stringify(r.context)}` : ''}`;
      switch (r.level) {
        case 'TRACE':
          return target.trace(line);
        case 'DEBUG':
          return target.debug(line);
        case 'INFO':
          return target.info(line);
        case 'WARNING':
          return target.warn(line);
        default:
          return target.error(line);
      }
    },
  };
}
