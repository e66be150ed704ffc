import type { AuthenticationMethod, UserRegistrationDetails } from "../directory/graph-types";
import type { Verdict } from "./verdict";

/** Where the product read a user's typed methods itself: a status check, or a walkthrough's "Check now". */
export type LiveMethodsSource = "status" | "verification";

/**
 * One user's typed methods as the product last read them from Graph (live, GET …/authentication/methods),
 * with when, and the verdict assessed from them then. Newer than Microsoft's registration report, which
 * may lag up to 36 hours (DOMAIN.md), until that report catches up.
 */
export interface LiveMethods {
  tenantId: string;
  userId: string;
  /** When Graph answered (ISO 8601, the product's clock). */
  readAt: string;
  source: LiveMethodsSource;
  methods: AuthenticationMethod[];
  /** The verdict assessed from the same read (the status card's answer). */
  verdict: Verdict;
}

/** The typed methods the product read itself, and when. */
export interface LiveRead {
  methods: AuthenticationMethod[];
  readAt: string;
}

/** What a tenant-wide assessment assesses one user's methods with. */
export interface MethodsToAssess {
  /** Typed methods to assess with; undefined: the registration row's methodsRegistered (rule 3). */
  methods: AuthenticationMethod[] | undefined;
  /** The product's own read won over the registration report (or stood in for a missing row). */
  leanedOnLive: boolean;
}

const time = (iso: string | null | undefined): number | undefined => {
  const ms = typeof iso === "string" ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * Microsoft's registration report may lag up to 36 hours, so a method the product read live or verified
 * itself wins over the user's registration row until that row is newer than the read (the report caught
 * up, and then says best: a method removed since is gone there too). A row without a readable
 * lastUpdatedDateTime is of unknown age: the product's own read wins. Pure.
 */
export function methodsToAssess(
  registration: Pick<UserRegistrationDetails, "lastUpdatedDateTime"> | undefined,
  live: LiveRead | undefined,
): MethodsToAssess {
  const readAt = time(live?.readAt);
  if (live === undefined || readAt === undefined) {
    return { methods: undefined, leanedOnLive: false };
  }
  const rowAt = time(registration?.lastUpdatedDateTime);
  if (registration !== undefined && rowAt !== undefined && rowAt > readAt) {
    return { methods: undefined, leanedOnLive: false };
  }
  return { methods: live.methods, leanedOnLive: true };
}

/**
 * The verdict an audience uses for one user: the stored scan's, unless the product read the user's
 * methods itself since that scan started. The scan's registration rows were then no newer than that read
 * (the scan read them after it started), so by methodsToAssess the read wins: its verdict, the status
 * card's answer, is the one. Pure.
 */
export function verdictAfterScan(
  scanned: Verdict,
  scanStartedAt: string,
  live: Pick<LiveMethods, "readAt" | "verdict"> | undefined,
): { verdict: Verdict; leanedOnLive: boolean } {
  const readAt = time(live?.readAt);
  const startedAt = time(scanStartedAt);
  if (live === undefined || readAt === undefined || startedAt === undefined || readAt < startedAt) {
    return { verdict: scanned, leanedOnLive: false };
  }
  return { verdict: live.verdict, leanedOnLive: true };
}
