import type { AuthenticationMethod } from "../directory/graph-types";
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
