import type { Directory } from "../../directory/directory";
import type { ProductTenantSettings } from "../../directory/graph-types";
import type { Actor } from "../../domain/actor";
import type { WalkthroughRecord } from "../../domain/walkthrough-record";
import { breakGlassAccountIds } from "../authz/break-glass-accounts";
import { readRoles } from "../authz/roles";
import type { WalkthroughMethod } from "./methods";
import type { Texts } from "./texts";
import type { UserContext } from "./user-context";
import { type Verification, verifyBreakGlassAccounts, verifyOwnMethod } from "./verification";
import { verifyWorkloadMove } from "./workload-check";

/**
 * "Check now" for one walkthrough, against Graph: a workload move in the sign-in logs; the break-glass
 * accounts (an admin checks every one, anyone else only the account they are signed in as); else the
 * actor's own methods against the baseline the walkthrough started from.
 */
export async function checkWalkthrough(
  deps: { directory: Directory; settings: ProductTenantSettings },
  walkthrough: {
    actor: Actor;
    method: WalkthroughMethod;
    record: WalkthroughRecord;
    /** The actor's own context, when the caller has just read it. */
    context?: UserContext;
    texts: Texts;
  },
  contextOf: (userId: string) => Promise<UserContext>,
): Promise<Verification> {
  const { actor, method, record, context, texts } = walkthrough;
  if (method === "workloadIdentity") {
    return verifyWorkloadMove(deps.directory, record, texts);
  }
  if (method === "breakGlass") {
    const ids = await breakGlassAccountIds(deps.directory, deps.settings);
    const roles = await readRoles(deps.directory, actor.userId);
    const checked = roles.holdsAnyDirectoryRole ? ids : ids.filter((id) => id === actor.userId.toLowerCase());
    const verdicts = await Promise.all(checked.map(async (id) => (await contextOf(id)).verdict));
    return verifyBreakGlassAccounts(verdicts, texts);
  }
  const { facts, verdict } = context ?? (await contextOf(actor.userId));
  return verifyOwnMethod(method, facts, verdict, record.baseline, record.startedAt, texts);
}
