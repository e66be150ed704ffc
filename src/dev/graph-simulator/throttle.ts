import type { ThrottleFamily } from "./types";

/**
 * Graph's published limits (learn.microsoft.com/graph/throttling-limits): identity and access reports,
 * 5 requests per 10 s per app per tenant; a GET of signInActivity, 10 requests per minute; the Microsoft
 * Teams service limits for installing an app for a user (POST installedApps) 30 per second and for
 * reading installations 60 per second. Other calls get a generous limit standing in for the directory's
 * larger budget. `scale` multiplies every limit, so a benchmark can run fast yet still meet 429s.
 */
export const BASE_LIMITS: Record<ThrottleFamily, number> = {
  reports: 5,
  global: 2000,
  signInActivity: 10,
  teamsAppInstall: 30,
  teamsAppRead: 60,
};
export const WINDOW_MS = 10_000;
/** Each family's window: signInActivity counts per minute, the Teams families per second, the others per 10 s. */
export const WINDOWS_MS: Record<ThrottleFamily, number> = {
  reports: WINDOW_MS,
  global: WINDOW_MS,
  signInActivity: 60_000,
  teamsAppInstall: 1_000,
  teamsAppRead: 1_000,
};

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A sliding-window log per family: a request is allowed while fewer than `limit` fell in the last window. */
export class Throttle {
  private readonly log: Record<ThrottleFamily, number[]> = {
    reports: [],
    global: [],
    signInActivity: [],
    teamsAppInstall: [],
    teamsAppRead: [],
  };
  private readonly limits: Record<ThrottleFamily, number>;

  constructor(
    scale: number,
    private readonly now: () => number,
  ) {
    const scaled = (family: ThrottleFamily) => Math.max(1, Math.floor(BASE_LIMITS[family] * scale));
    this.limits = {
      reports: scaled("reports"),
      global: scaled("global"),
      signInActivity: scaled("signInActivity"),
      teamsAppInstall: scaled("teamsAppInstall"),
      teamsAppRead: scaled("teamsAppRead"),
    };
  }

  limit(family: ThrottleFamily): number {
    return this.limits[family];
  }

  take(family: ThrottleFamily): ThrottleDecision {
    const now = this.now();
    const window = WINDOWS_MS[family];
    const times = this.log[family];
    let expired = 0;
    while (expired < times.length && times[expired]! <= now - window) {
      expired += 1;
    }
    times.splice(0, expired);
    if (times.length >= this.limits[family]) {
      // Whole seconds, at least 1, as Graph sends Retry-After.
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + window - now) / 1000)) };
    }
    times.push(now);
    return { allowed: true };
  }
}
