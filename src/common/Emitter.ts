import { IDisposable } from './Disposable';

export type Event<T> = (listener: (e: T) => void) => IDisposable;

/** A minimal event emitter with the same shape as vscode.EventEmitter, usable in core. */
export class Emitter<T> implements IDisposable {
  private listeners = new Set<(e: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
