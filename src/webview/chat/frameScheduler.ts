/**
 * Coalesces many requests into one callback per animation frame: a model streams dozens of pieces
 * per second, and re-rendering the answer's markdown once per frame is plenty.
 */
export class FrameScheduler {
  private pending = false;

  constructor(
    private readonly callback: () => void,
    private readonly requestFrame: (cb: () => void) => unknown = (cb) => requestAnimationFrame(cb),
  ) {}

  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    this.requestFrame(() => {
      this.pending = false;
      this.callback();
    });
  }
}
