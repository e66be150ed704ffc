import type { DataGap, UserFacts } from "../domain/facts";
import type { BatchAnswer, BatchOptions, BatchStep } from "./batch";
import { sendBatch } from "./batch";
import type { TimeWindow } from "./directory";
import { DirectoryError } from "./errors";
import { gapOf } from "./gaps";
import type {
  AuthenticationMethod,
  GraphUser,
  SignIn,
  UnifiedRoleAssignment,
  UserRegistrationDetails,
} from "./graph-types";
import type { GraphHttp } from "./graph-http";
import { graphUrls } from "./graph-urls";
import { type Page, collect, pagedItems } from "./paging";

export interface UserFactsScope {
  appIds: readonly string[];
  resourceIds: readonly string[];
}

/**
 * Everything one status check needs about one user, in one POST /$batch of five requests. Each inner
 * answer stands on its own: what could not be read becomes a data gap, never a failed check; only a
 * missing user is an error (notFound). Collections that page continue outside the batch.
 *
 * Sign-ins and registration details both draw on the reports family (5 requests / 10 s per tenant), so
 * the batch holds only the sign-ins: the registration details are read, in a second round trip, only
 * when what they stand in for is missing (typed methods, or role assignments for isAdmin).
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
    { id: "signIns", method: "GET", url: graphUrls.signIns(window, scope, userId) },
    { id: "roleAssignments", method: "GET", url: graphUrls.roleAssignments(userId) },
    { id: "groups", method: "GET", url: graphUrls.userGroups(userId) },
  ];
  const answers = await sendBatch(http, steps, options);
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
  const signIns = await allOf<SignIn>("signIns", "signIns");
  const roleAssignments = await allOf<UnifiedRoleAssignment>("roleAssignments", "roleAssignments");
  const groups = await allOf<{ id: string }>("groups", "groups");
  const registration =
    methods === undefined || roleAssignments === undefined
      ? await readRegistrationDetail(http, userId, dataGaps)
      : undefined;
  return {
    user,
    registration,
    methods,
    signIns,
    roleAssignments,
    groupIds: groups?.map((group) => group.id),
    dataGaps,
  };
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
