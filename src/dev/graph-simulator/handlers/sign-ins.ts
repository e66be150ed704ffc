import { nonPremium, notReadable } from "../errors";
import { allowOptions, page, parseTop } from "../odata";
import { matchesSignIn, parseSignInFilter } from "../sign-in-filter";
import type { Handler } from "../types";

/** GET /auditLogs/signIns: newest first, pages of up to 1,000, only the $filter grammar the product sends. */
export const listSignIns: Handler = ({ request, state }) => {
  if (!state.tenant.premium) {
    throw nonPremium();
  }
  if (!state.hasSignIns()) {
    throw notReadable("signIns");
  }
  allowOptions(request, ["$top", "$filter", "$skiptoken"]);
  const top = parseTop(request, { max: 1000, fallback: 1000 });
  const text = request.query.get("$filter");
  const filter = text === null ? {} : parseSignInFilter(text);
  const items = state.querySignIns(text ?? "", (signIn, time) => matchesSignIn(filter, signIn, time));
  return page(request, { items, top, context: "auditLogs/signIns", map: (signIn) => signIn });
};
