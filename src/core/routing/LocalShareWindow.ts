import { JarvisError } from '../../common/errors';

/** Where the last N answers came from (local or cloud), in a fixed-size ring. */
export class LocalShareWindow {
  private readonly ring: Uint8Array;
  private next = 0;
  private filled = 0;
  private locals = 0;

  /** @param size decisions remembered. @default 100 */
  constructor(readonly size = 100) {
    if (!Number.isInteger(size) || size < 1 || size > 100_000) {
      throw new JarvisError('invalid-input', `The hybrid window must hold a whole number of decisions from 1 to 100000 (got ${JSON.stringify(size)}).`);
    }
    this.ring = new Uint8Array(size);
  }

  get count(): number {
    return this.filled;
  }

  record(local: boolean): void {
    if (this.filled === this.size) this.locals -= this.ring[this.next];
    else this.filled++;
    this.ring[this.next] = local ? 1 : 0;
    this.locals += local ? 1 : 0;
    this.next = (this.next + 1) % this.size;
  }

  /** The share there would be after recording one more answer of this kind. */
  shareIf(local: boolean): number {
    const dropped = this.filled === this.size ? this.ring[this.next] : 0;
    const n = this.filled === this.size ? this.size : this.filled + 1;
    return (this.locals - dropped + (local ? 1 : 0)) / n;
  }

  /** Share of local answers among those remembered; undefined before the first. */
  localShare(): number | undefined {
    return this.filled === 0 ? undefined : this.locals / this.filled;
  }
}
