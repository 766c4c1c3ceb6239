import * as os from 'node:os';
import * as path from 'node:path';
import type { Clock } from '../../common/Clock';
import type { IDisposable } from '../../common/Disposable';
import type { JarvisSettings } from '../config/settings';
import { RotatingFileSink } from './RotatingFileSink';

/**
 * The optional JSON-lines log file of `jarvis.log.*`: opened, re-opened or closed when those settings
 * change. `sink` is undefined while no file is configured (or it could not be opened).
 */
export class LogFile implements IDisposable {
  private current: RotatingFileSink | undefined;
  private applied = '';
  /** The open in flight: a later apply() wins, an earlier open that finishes late is closed. */
  private generation = 0;

  constructor(
    private readonly clock: Clock,
    private readonly onError: (message: string) => void,
  ) {}

  get sink(): RotatingFileSink | undefined {
    return this.current;
  }

  /** Resolves when the file is open (or the change needed none); failures go to onError. */
  apply(s: JarvisSettings['log']): Promise<void> {
    const file = s.file === '' ? '' : expandHome(s.file);
    const fingerprint = file === '' ? '' : `${file}|${s.maxSizeMb}|${s.retentionDays}`;
    if (fingerprint === this.applied) return Promise.resolve();
    this.applied = fingerprint;
    // The old file is flushed and closed before the new one opens (they may be the same path).
    const closing = this.current?.close() ?? Promise.resolve();
    this.current = undefined;
    const generation = ++this.generation;
    if (file === '') return closing;
    const open = () =>
      RotatingFileSink.open({
        file,
        maxBytes: s.maxSizeMb * 1024 * 1024,
        retentionDays: s.retentionDays,
        clock: this.clock,
        onError: (e) => this.onError(`The log file ${file} could not be written: ${e.message}`),
      });
    return closing.then(open).then(
      (sink) => {
        if (generation === this.generation) this.current = sink;
        else void sink.close();
      },
      (e: unknown) => this.onError(`The log file ${file} could not be opened: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  /** Flushes and closes the file (dispose() does the same without waiting). */
  close(): Promise<void> {
    this.generation++;
    const closing = this.current?.close() ?? Promise.resolve();
    this.current = undefined;
    return closing;
  }

  dispose(): void {
    void this.close();
  }
}

function expandHome(p: string): string {
  return p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p;
}
