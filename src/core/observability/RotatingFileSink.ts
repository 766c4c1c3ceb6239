import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RotatingFileStream } from 'rotating-file-stream' with { 'resolution-mode': 'import' };
import type { Clock } from '../../common/Clock';
import type { LogRecord, LogSink } from './StructuredLogger';

export interface RotatingFileSinkOptions {
  /** Absolute path of the live file; rotated files sit beside it as `<name>.<yyyymmdd-hhmmss>.<n>`. */
  file: string;
  /** Rotate when the live file reaches this many bytes. */
  maxBytes: number;
  /** Rotated files older than this are deleted (when the sink opens and after each rotation). */
  retentionDays: number;
  clock: Clock;
  /** Told about a failed write or rotation (once per failure; the log itself cannot say it). */
  onError?: (error: Error) => void;
}

const DAY_MS = 86_400_000;

/**
 * The JSON-lines log file: one LogRecord per line, size-rotated (and daily) by rotating-file-stream,
 * with rotated files past the retention deleted. Writes are buffered by the stream; `close()` flushes.
 */
export class RotatingFileSink implements LogSink {
  /** rotating-file-stream is an ES module (loaded on the first log file, never at activation without one). */
  static async open(options: RotatingFileSinkOptions): Promise<RotatingFileSink> {
    const { createStream } = await import('rotating-file-stream');
    return new RotatingFileSink(options, createStream);
  }

  private readonly stream: RotatingFileStream;
  private readonly dir: string;
  private readonly base: string;
  private closed = false;

  private constructor(
    private readonly options: RotatingFileSinkOptions,
    createStream: (typeof import('rotating-file-stream', { with: { 'resolution-mode': 'import' } }))['createStream'],
  ) {
    this.dir = path.dirname(options.file);
    this.base = path.basename(options.file);
    fs.mkdirSync(this.dir, { recursive: true });
    const generator = (time: number | Date, index?: number): string => {
      if (!time) return this.base;
      const t = new Date(time).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
      return `${this.base}.${t}.${index ?? 1}`;
    };
    this.stream = createStream(generator, { path: this.dir, size: `${Math.max(1, Math.floor(options.maxBytes / 1024))}K`, interval: '1d', intervalUTC: true });
    this.stream.on('error', (e) => options.onError?.(e));
    this.stream.on('warning', (e) => options.onError?.(e));
    this.stream.on('rotated', () => this.prune());
    this.prune();
  }

  write(record: LogRecord): void {
    if (this.closed) return;
    this.stream.write(`${JSON.stringify(record)}\n`);
  }

  /** Flushes what is buffered and closes the file. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return new Promise((resolve) => {
      this.stream.once('finish', () => resolve());
      this.stream.once('error', () => resolve());
      this.stream.end();
    });
  }

  /** Resolves after the next rotation has finished (tests wait on the event instead of sleeping). */
  rotated(): Promise<string> {
    return new Promise((resolve) => this.stream.once('rotated', resolve));
  }

  /** Deletes rotated files of this log older than the retention (by modification time). */
  prune(): number {
    const cutoff = this.options.clock.now() - this.options.retentionDays * DAY_MS;
    let removed = 0;
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      if (!name.startsWith(`${this.base}.`) || !/\.\d{8}-\d{6}\.\d+$/.test(name)) continue;
      const file = path.join(this.dir, name);
      try {
        if (fs.statSync(file).mtimeMs < cutoff) {
          fs.unlinkSync(file);
          removed++;
        }
      } catch {
        /* already gone */
      }
    }
    return removed;
  }
}
