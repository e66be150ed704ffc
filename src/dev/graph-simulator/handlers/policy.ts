import { notReadable } from "../errors";
import { allowOptions, contextUrl } from "../odata";
import type { Handler } from "../types";

/** GET /policies/authenticationMethodsPolicy, with its method configurations as Graph returns them. */
export const getMethodsPolicy: Handler = ({ request, state }) => {
  if (state.policy === undefined) {
    throw notReadable("authenticationMethodsPolicy");
  }
  allowOptions(request, []);
  return {
    status: 200,
    body: {
      "@odata.context": contextUrl(request, "policies/authenticationMethodsPolicy/$entity"),
      ...state.policy,
    },
  };
};
