import type { SignIn, SummarizedSignIn } from "../../../directory/graph-types";
import { homeUpn } from "../../../directory/home-upn";
import { invalidFilter, parseEqClauses } from "../filter-tokens";
import { allowOptions, page, parseTop } from "../odata";
import { eventTypeOf } from "../sign-in-filter";
import type { Handler } from "../types";
import { requireSignIns } from "./sign-ins";

const dayOf = (time: number) =>
  new Date(Math.floor(time / 86_400_000) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Groups the non-interactive sign-ins (newest first) into d1 rows, newest day first. */
export function summarise(signIns: readonly SignIn[], upnOf: (signIn: SignIn) => string): SummarizedSignIn[] {
  const rows = new Map<string, SummarizedSignIn & { status: { errorCode: number } }>();
  for (const signIn of signIns) {
    const time = Date.parse(signIn.createdDateTime);
    const upn = homeUpn(upnOf(signIn));
    const ip = typeof signIn.ipAddress === "string" ? signIn.ipAddress : null;
    const errorCode = signIn.status?.errorCode ?? 0;
    const day = dayOf(time);
    const key = [upn, signIn.appId.toLowerCase(), signIn.resourceId ?? "", ip ?? "", day, errorCode].join(
      "|",
    );
    const row = rows.get(key);
    if (row === undefined) {
      rows.set(key, {
        id: `${rows.size + 1}`.padStart(8, "0") + "-5a5a-4000-8000-000000000000",
        userPrincipalName: upn,
        userDisplayName: signIn.userDisplayName ?? null,
        appId: signIn.appId,
        appDisplayName: signIn.appDisplayName ?? null,
        resourceId: signIn.resourceId ?? null,
        resourceDisplayName: signIn.resourceDisplayName ?? null,
        ipAddress: ip,
        signInCount: 1,
        firstSignInDateTime: signIn.createdDateTime,
        aggregationDateTime: day,
        status: { errorCode },
      });
      continue;
    }
    row.signInCount += 1;
    // Sign-ins come newest first, so the last one seen is the first of the day.
    row.firstSignInDateTime = signIn.createdDateTime;
  }
  return [...rows.values()];
}

const cache = new WeakMap<readonly SignIn[], SummarizedSignIn[]>();

/**
 * GET /beta/auditLogs/getSummarizedNonInteractiveSignIns(aggregationWindow='d1'): the non-interactive user
 * sign-ins, summarised, optionally filtered by appId or resourceId (its date fields cannot be filtered,
 * as in Graph). Pages of up to 1,000; the reports throttle.
 */
export const listSummarizedSignIns: Handler = (context) => {
  const { request, state, params } = context;
  requireSignIns(context);
  if (params.window !== "d1" && params.window !== "h6" && params.window !== "h1") {
    throw invalidFilter(`aggregationWindow='${params.window}'`, "aggregationWindow must be h1, h6 or d1");
  }
  allowOptions(request, ["$top", "$filter", "$skiptoken"]);
  const top = parseTop(request, { max: 1000, fallback: 1000 });
  const nonInteractive = state.querySignIns(
    "summary:nonInteractiveUser",
    (signIn) => eventTypeOf(signIn) === "nonInteractiveUser",
  );
  let all = cache.get(nonInteractive);
  if (all === undefined) {
    all = summarise(
      nonInteractive,
      (signIn) => state.user(signIn.userId)?.userPrincipalName ?? signIn.userPrincipalName ?? "",
    );
    cache.set(nonInteractive, all);
  }
  const text = request.query.get("$filter");
  const clauses = text === null ? [] : parseEqClauses(text, ["appId", "resourceId"], "or");
  const appIds = new Set(clauses.filter((c) => c.property === "appId").map((c) => c.value.toLowerCase()));
  const resourceIds = new Set(
    clauses.filter((c) => c.property === "resourceId").map((c) => c.value.toLowerCase()),
  );
  const items =
    clauses.length === 0
      ? all
      : all.filter(
          (row) =>
            appIds.has(row.appId.toLowerCase()) || resourceIds.has((row.resourceId ?? "").toLowerCase()),
        );
  return page(request, {
    items,
    top,
    context: "Collection(microsoft.graph.summarizedSignIn)",
    map: (row) => row,
  });
};
