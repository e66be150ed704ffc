/**
 * "At most `limit` in any `windowMs`", kept exactly: the last `limit` grant times in a ring. A request may
 * go at the time the limit-th most recent grant leaves the window.
 */
export class WindowGate {
  private readonly grants: number[];
  private count = 0;
  private next = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    if (!(limit >= 1) || !(windowMs > 0)) {
      throw new RangeError(`a window limit needs limit >= 1 and windowMs > 0 (got ${limit} / ${windowMs})`);
    }
    this.grants = new Array<number>(limit).fill(0);
  }

  /** The earliest time at or after `at` when one more request fits. */
  earliest(at: number): number {
    if (this.count < this.limit) {
      return at;
    }
    // `next` is the slot of the oldest of the last `limit` grants.
    return Math.max(at, this.grants[this.next]! + this.windowMs);
  }

  commit(at: number): void {
    this.grants[this.next] = at;
    this.next = (this.next + 1) % this.limit;
    this.count = Math.min(this.count + 1, this.limit);
  }
}
