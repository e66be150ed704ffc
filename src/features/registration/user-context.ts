import type { Directory } from "../../directory/directory";
import type { AuthenticationMethodsPolicy, ProductTenantSettings } from "../../directory/graph-types";
import { assess } from "../../domain/assess";
import type { UserFacts } from "../../domain/facts";
import type { Verdict } from "../../domain/verdict";
import type { PolicySubject } from "./policy-check";

export type ContextDirectory = Pick<Directory, "getUserFacts" | "getMethodsPolicy">;

/** Everything a walkthrough needs about one user, read live in one round trip plus the (cached) policy. */
export interface UserContext {
  facts: UserFacts;
  policy: AuthenticationMethodsPolicy | undefined;
  subject: PolicySubject;
  verdict: Verdict;
}

export interface ContextOptions {
  settings: ProductTenantSettings;
  lookbackDays: number;
  /** End of the look-back window (now, or the demo snapshot's capture time). */
  windowEnd: () => Date;
}

export async function readUserContext(
  directory: ContextDirectory,
  userId: string,
  options: ContextOptions,
): Promise<UserContext> {
  const end = options.windowEnd();
  const start = new Date(end.getTime() - options.lookbackDays * 86_400_000);
  const [facts, policy] = await Promise.all([
    directory.getUserFacts(userId, { start, end }),
    // An unreadable policy counts every method (rule 3); the verdict's data gaps say so.
    directory.getMethodsPolicy().catch(() => undefined),
  ]);
  const verdict = assess(facts, { policy, settings: options.settings, dataGaps: [] }, end, {
    lookbackDays: options.lookbackDays,
  });
  return {
    facts,
    policy,
    verdict,
    subject: {
      userId,
      groupIds: facts.groupIds ?? [],
      userType: facts.user.userType,
      certificateUserIds: facts.user.authorizationInfo?.certificateUserIds ?? [],
    },
  };
}
