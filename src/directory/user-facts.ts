import { lookbackWindow, restsOnSignInActivity } from "../domain/evidence";
import type { DataGap, UserFacts } from "../domain/facts";
import { NON_INTERACTIVE_SIGN_INS } from "../domain/facts";
import type { BatchAnswer, BatchOptions, BatchStep } from "./batch";
import { sendBatch } from "./batch";
import type { TimeWindow } from "./directory";
import { DirectoryError } from "./errors";
import { gapOf } from "./gaps";
import type { GraphHttp } from "./graph-http";
import type {
  AuthenticationMethod,
  GraphUser,
  SignIn,
  UnifiedRoleAssignment,
  UserRegistrationDetails,
} from "./graph-types";
import { graphUrls } from "./graph-urls";
import { collect, type Page, pagedItems } from "./paging";

export interface UserFactsScope {
  appIds: readonly string[];
  resourceIds: readonly string[];
}

/**
 * Everything one status check needs about one user: one POST /$batch of four requests and, at the same
 * time, one beta GET of the sign-ins (interactive and non-interactive: v1.0 has only the former). Each
 * answer stands on its own: what could not be read becomes a data gap, never a failed check; only a
 * missing user is an error (notFound). Collections that page continue outside the batch.
 *
 * Sign-ins and registration details both draw on the reports family (5 requests / 10 s per tenant), so a
 * check spends one slot, on the sign-ins: the registration details are read, in a second round trip, only
 * when what they stand in for is missing (typed methods, or role assignments for isAdmin). When every
 * counted sign-in was silent, the user's signInActivity (10 requests / minute) tells rule 6 whether a
 * person or a script signs in.
 */
export async function readUserFacts(
  http: GraphHttp,
  userId: string,
  window: TimeWindow,
  scope: UserFactsScope,
  options: BatchOptions,
): Promise<UserFacts> {
  const steps: BatchStep[] = [
    { id: "user", method: "GET", url: graphUrls.user(userId) },
    { id: "methods", method: "GET", url: graphUrls.methods(userId) },
    { id: "roleAssignments", method: "GET", url: graphUrls.roleAssignments(userId) },
    { id: "groups", method: "GET", url: graphUrls.userGroups(userId) },
  ];
  // The sign-ins come from beta (interactive and non-interactive in one query), beside the v1.0 batch
  // and at the same time: one round trip's wait, one reports-family request.
  const [answers, betaSignIns] = await Promise.all([
    sendBatch(http, steps, options),
    readBetaSignIns(http, window, scope, userId),
  ]);
  const dataGaps: DataGap[] = [];

  /** The inner answer's body, or undefined with its gap noted. */
  const bodyOf = <T>(id: string, data: string): T | undefined => {
    const answer: BatchAnswer | undefined = answers.get(id);
    const step = steps.find((candidate) => candidate.id === id)!;
    if (answer === undefined) {
      dataGaps.push({ data, reason: "unavailable" });
      return undefined;
    }
    if (answer.status >= 200 && answer.status < 300) {
      return answer.body as T;
    }
    const error = http.errorOf(
      { status: answer.status, headers: new Headers(answer.headers ?? {}), body: answer.body },
      step.url,
    );
    if (id === "user") {
      throw error;
    }
    dataGaps.push(gapOf(data, error));
    return undefined;
  };
  /** The rest of a paged inner answer, read outside the batch; a failure there is a gap too. */
  const allOf = async <T>(id: string, data: string): Promise<T[] | undefined> => {
    const first = bodyOf<Page<T>>(id, data);
    if (first === undefined) {
      return undefined;
    }
    try {
      return await collect(pagedItems(http, undefined, first));
    } catch (error) {
      if (error instanceof DirectoryError) {
        dataGaps.push(gapOf(data, error));
        return undefined;
      }
      throw error;
    }
  };

  const user = bodyOf<GraphUser>("user", "user");
  if (user === undefined) {
    throw new DirectoryError("unavailable", `The $batch for user ${userId} returned no answer for the user.`);
  }
  const methods = await allOf<AuthenticationMethod>("methods", "methods");
  let signIns: SignIn[] | undefined;
  if ("signIns" in betaSignIns) {
    signIns = betaSignIns.signIns;
  } else {
    // Beta refused: v1.0's interactive sign-ins still answer rules 1 and 2; rule 6's last test is off.
    const v1Gaps: DataGap[] = [];
    signIns = betaSignIns.final ? undefined : await readV1SignIns(http, window, scope, userId, v1Gaps);
    // When v1.0 fails too, its gap (all sign-ins) says everything; else beta's says what is missing.
    dataGaps.push(...(v1Gaps.length > 0 ? v1Gaps : [betaSignIns.gap]));
  }
  const activity =
    signIns !== undefined && needsSignInActivity(signIns, window)
      ? await readSignInActivity(http, user.id, dataGaps)
      : undefined;
  const roleAssignments = await allOf<UnifiedRoleAssignment>("roleAssignments", "roleAssignments");
  const groups = await allOf<{ id: string }>("groups", "groups");
  const registration =
    methods === undefined || roleAssignments === undefined
      ? await readRegistrationDetail(http, userId, dataGaps)
      : undefined;
  return {
    user: activity === undefined ? user : { ...user, signInActivity: activity },
    registration,
    methods,
    signIns,
    roleAssignments,
    groupIds: groups?.map((group) => group.id),
    dataGaps,
  };
}

/**
 * One user's in-scope sign-ins, interactive and non-interactive, from beta. Beta failing is a gap (rule 6's
 * "none is interactive" then does not apply), never a failed status check: v1.0 is read instead.
 */
async function readBetaSignIns(
  http: GraphHttp,
  window: TimeWindow,
  scope: UserFactsScope,
  userId: string,
): Promise<{ signIns: SignIn[] } | { gap: DataGap; final?: boolean }> {
  try {
    return {
      signIns: await collect(
        pagedItems<SignIn>(http, http.beta(graphUrls.userSignInsBeta(window, scope, userId))),
      ),
    };
  } catch (error) {
    if (error instanceof DirectoryError) {
      // Without P1 v1.0 refuses too: that is a gap in all sign-ins, not a beta problem.
      return error.reason === "noPremium"
        ? { gap: gapOf("signIns", error), final: true }
        : { gap: gapOf(NON_INTERACTIVE_SIGN_INS, error) };
    }
    throw error;
  }
}

/** v1.0's interactive sign-ins of one user, the fallback when beta refuses; a failure is a gap. */
async function readV1SignIns(
  http: GraphHttp,
  window: TimeWindow,
  scope: UserFactsScope,
  userId: string,
  dataGaps: DataGap[],
): Promise<SignIn[] | undefined> {
  try {
    return await collect(pagedItems<SignIn>(http, graphUrls.signIns(window, scope, userId)));
  } catch (error) {
    if (!(error instanceof DirectoryError)) {
      throw error;
    }
    dataGaps.push(gapOf("signIns", error));
    return undefined;
  }
}

/** Rule 6 asks for signInActivity only when every counted in-scope sign-in was a silent refresh. */
function needsSignInActivity(signIns: readonly SignIn[], window: TimeWindow): boolean {
  const days = (window.end.getTime() - window.start.getTime()) / 86_400_000;
  return restsOnSignInActivity(signIns, lookbackWindow(window.end, days));
}

/** The user's signInActivity (P1, 10 requests a minute); a failure is a gap and rule 6 goes without it. */
async function readSignInActivity(
  http: GraphHttp,
  userId: string,
  dataGaps: DataGap[],
): Promise<GraphUser["signInActivity"]> {
  try {
    const page = await http.json<Page<GraphUser>>("GET", graphUrls.signInActivity([userId]));
    return page.value[0]?.signInActivity ?? undefined;
  } catch (error) {
    if (!(error instanceof DirectoryError)) {
      throw error;
    }
    dataGaps.push(gapOf("signInActivity", error));
    return undefined;
  }
}

/** The fallback read: one user's row of the registration report; a failure is a gap like any other. */
async function readRegistrationDetail(
  http: GraphHttp,
  userId: string,
  dataGaps: DataGap[],
): Promise<UserRegistrationDetails | undefined> {
  const url = graphUrls.registrationDetail(userId);
  try {
    const answer = await http.send<UserRegistrationDetails>("GET", url);
    if (answer.status >= 200 && answer.status < 300 && answer.body !== undefined) {
      return answer.body;
    }
    const error = http.errorOf(answer, url);
    // A user with no row in the registration report yet is not a failure to read it.
    dataGaps.push(
      error.reason === "notFound"
        ? { data: "registrationDetails", reason: "notInReport" }
        : gapOf("registrationDetails", error),
    );
  } catch (error) {
    if (!(error instanceof DirectoryError)) {
      throw error;
    }
    dataGaps.push(gapOf("registrationDetails", error));
  }
  return undefined;
}
