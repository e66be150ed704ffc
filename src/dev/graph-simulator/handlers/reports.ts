import type { UserRegistrationDetails } from "../../../directory/graph-types";
import { nonPremium, notFound, notReadable } from "../errors";
import { parseEqClauses } from "../filter-tokens";
import { allowOptions, contextUrl, page, parseSelect, parseTop, project, selectFragment } from "../odata";
import type { TenantState } from "../tenant-state";
import type { Handler } from "../types";

const ENTITY_SET = "reports/authenticationMethods/userRegistrationDetails";

const PROPERTIES: ReadonlySet<string> = new Set([
  "id",
  "userPrincipalName",
  "userDisplayName",
  "userType",
  "isAdmin",
  "isMfaRegistered",
  "isMfaCapable",
  "isPasswordlessCapable",
  "isSsprRegistered",
  "isSsprEnabled",
  "isSsprCapable",
  "isSystemPreferredAuthenticationMethodEnabled",
  "methodsRegistered",
  "systemPreferredAuthenticationMethods",
  "userPreferredMethodForSecondaryAuthentication",
  "lastUpdatedDateTime",
]);

/** The reports API needs Entra ID P1, and the snapshot must hold the data. */
function registrationDetails(state: TenantState): UserRegistrationDetails[] {
  if (!state.tenant.premium) {
    throw nonPremium();
  }
  if (state.registrationDetails === undefined) {
    throw notReadable("userRegistrationDetails");
  }
  return state.registrationDetails;
}

export const listRegistrationDetails: Handler = ({ request, state }) => {
  const all = registrationDetails(state);
  allowOptions(request, ["$select", "$top", "$filter", "$skiptoken"]);
  const select = parseSelect(request, PROPERTIES, "microsoft.graph.userRegistrationDetails");
  const filter = request.query.get("$filter");
  let items = all;
  if (filter !== null) {
    const clauses = parseEqClauses(filter, ["id", "userPrincipalName"], "or");
    items = all.filter((details) =>
      clauses.some(
        (clause) =>
          (clause.property === "id" ? details.id : details.userPrincipalName).toLowerCase() ===
          clause.value.toLowerCase(),
      ),
    );
  }
  return page(request, {
    items,
    top: parseTop(request, { max: 999, fallback: 999 }),
    context: selectFragment(ENTITY_SET, select),
    map: (details) => project(details, select),
  });
};

export const getRegistrationDetails: Handler = ({ request, params, state }) => {
  registrationDetails(state);
  allowOptions(request, ["$select"]);
  const select = parseSelect(request, PROPERTIES, "microsoft.graph.userRegistrationDetails");
  const details = state.registration(params.id!);
  if (details === undefined) {
    throw notFound(params.id!);
  }
  return {
    status: 200,
    body: {
      "@odata.context": contextUrl(request, `${selectFragment(ENTITY_SET, select)}/$entity`),
      ...project(details, select),
    },
  };
};
