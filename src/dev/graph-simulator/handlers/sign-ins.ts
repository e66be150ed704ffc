import { badRequest, nonPremium, notReadable } from "../errors";
import { allowOptions, page, parseTop } from "../odata";
import { matchesSignIn, parseSignInFilter } from "../sign-in-filter";
import type { Handler, HandlerContext } from "../types";

export const isBeta = (path: string) => path.startsWith("/beta/");

/** Both APIs need P1 and a snapshot that holds sign-ins. */
export function requireSignIns({ state }: HandlerContext): void {
  if (!state.tenant.premium) {
    throw nonPremium();
  }
  if (!state.hasSignIns()) {
    throw notReadable("signIns");
  }
}

/**
 * GET /v1.0|beta/auditLogs/signIns: newest first, pages of up to 1,000, only the $filter grammar the
 * product sends. As in Graph, both return interactive user sign-ins only, unless (beta only) the filter
 * names other event types with signInEventTypes/any(…).
 */
export const listSignIns: Handler = (context) => {
  const { request, state } = context;
  requireSignIns(context);
  allowOptions(request, ["$top", "$filter", "$skiptoken"]);
  const top = parseTop(request, { max: 1000, fallback: 1000 });
  const text = request.query.get("$filter");
  const filter = text === null ? {} : parseSignInFilter(text);
  if (filter.eventTypes !== undefined && !isBeta(request.path)) {
    throw badRequest("Could not find a property named 'signInEventTypes' on type 'microsoft.graph.signIn'.");
  }
  const cacheKey = `${isBeta(request.path) ? "beta" : "v1.0"}:${text ?? ""}`;
  const items = state.querySignIns(cacheKey, (signIn, time) => matchesSignIn(filter, signIn, time));
  return page(request, { items, top, context: "auditLogs/signIns", map: (signIn) => signIn });
};
