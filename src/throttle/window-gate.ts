/**
 * "At most `limit` in any `windowMs`", kept exactly over the grants that may still be in a window.
 *
 * The server counts a request when it arrives, which is some time after we let it go. A grant therefore
 * counts from `marginMs` after it went (the delay we allow for the way there), or from its answer when
 * that comes sooner (settle): the request cannot have arrived after its answer came back. A long window
 * (Graph's reports: 10 s) then loses a few milliseconds a window instead of the whole margin, and a short
 * one (Teams: 100 ms) keeps it, since counting a request from its answer there would hold the slot for
 * its whole round trip.
 */
export class WindowGate {
  /** When each grant that may still be in the window counts from (not in grant order once settled). */
  private counted: Array<{ at: number }> = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly marginMs = 0,
  ) {
    if (!(limit >= 1) || !(windowMs > 0) || !(marginMs >= 0)) {
      throw new RangeError(
        `a window limit needs limit >= 1, windowMs > 0 and marginMs >= 0 (got ${limit} / ${windowMs} / ${marginMs})`,
      );
    }
  }

  /** The earliest time at or after `at` when one more request fits. */
  earliest(at: number): number {
    const inWindow = this.counted.filter((grant) => grant.at > at - this.windowMs);
    if (inWindow.length < this.limit) {
      return at;
    }
    // Once the limit-th latest grant leaves the window, fewer than `limit` remain in it.
    const latest = inWindow.map((grant) => grant.at).sort((a, b) => b - a);
    return latest[this.limit - 1]! + this.windowMs;
  }

  /** Takes a slot at `at` (now); the returned settle counts it from the answer's time if that is sooner. */
  commit(at: number): (answeredAt: number) => void {
    // Grants that left the window by now never count again: time only moves on, and settling only
    // moves a grant earlier.
    this.counted = this.counted.filter((grant) => grant.at > at - this.windowMs);
    const grant = { at: at + this.marginMs };
    this.counted.push(grant);
    return (answeredAt) => {
      grant.at = Math.max(at, Math.min(grant.at, answeredAt));
    };
  }
}
