/** One grant as the window counts it: from when it went, or later once its answer came. */
interface Grant {
  at: number;
  counted: boolean;
}

/**
 * "At most `limit` in any `windowMs`", kept exactly over the grants that may still be in a window.
 *
 * A grant counts from when it was let go until its answer comes; then from the answer's time (settle). The
 * server counts a request when it arrives, which is after we let it go and before its answer reaches us,
 * so counting from the answer can never put one more request in the server's window than it allows,
 * whatever the delay on the way there. Counting from the send time alone needed a widened window (a
 * guess at that delay) on every window instead.
 */
export class WindowGate {
  private grants: Grant[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    if (!(limit >= 1) || !(windowMs > 0)) {
      throw new RangeError(`a window limit needs limit >= 1 and windowMs > 0 (got ${limit} / ${windowMs})`);
    }
  }

  /** The earliest time at or after `at` when one more request fits. */
  earliest(at: number): number {
    const inWindow = this.grants.filter((grant) => grant.at > at - this.windowMs);
    if (inWindow.length < this.limit) {
      return at;
    }
    // Once the limit-th latest grant leaves the window, fewer than `limit` remain in it.
    const latest = inWindow.map((grant) => grant.at).sort((a, b) => b - a);
    return latest[this.limit - 1]! + this.windowMs;
  }

  /** Takes a slot at `at` (now); the returned settle moves it to when the answer came. */
  commit(at: number): (answeredAt: number) => void {
    // Grants that left the window by now can never count again (time only moves on).
    this.grants = this.grants.filter((grant) => {
      grant.counted = grant.at > at - this.windowMs;
      return grant.counted;
    });
    const grant: Grant = { at, counted: true };
    this.grants.push(grant);
    return (answeredAt) => {
      if (answeredAt <= grant.at) {
        return;
      }
      grant.at = answeredAt;
      if (!grant.counted) {
        // An answer later than a whole window: it counts again from then.
        grant.counted = true;
        this.grants.push(grant);
      }
    };
  }
}
