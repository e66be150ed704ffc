/** A token bucket: bursts up to `capacity`, then `refillPerSecond` on average. */
export class BucketGate {
  private tokens: number;
  private updatedAt: number | undefined;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
  ) {
    if (!(capacity >= 1) || !(refillPerSecond > 0)) {
      throw new RangeError(
        `a bucket needs capacity >= 1 and refillPerSecond > 0 (got ${capacity} / ${refillPerSecond})`,
      );
    }
    this.tokens = capacity;
  }

  private tokensAt(at: number): number {
    const elapsed = this.updatedAt === undefined ? 0 : Math.max(0, at - this.updatedAt);
    return Math.min(this.capacity, this.tokens + (elapsed * this.refillPerSecond) / 1000);
  }

  earliest(at: number): number {
    const tokens = this.tokensAt(at);
    return tokens >= 1 ? at : at + Math.ceil(((1 - tokens) * 1000) / this.refillPerSecond);
  }

  /** Takes a token; a bucket has no window to count the answer in, so settling changes nothing. */
  commit(at: number): (answeredAt: number) => void {
    this.tokens = this.tokensAt(at) - 1;
    this.updatedAt = at;
    return () => undefined;
  }
}
