import type { AuthenticationMethod } from "../../../directory/graph-types";
import { notReadable } from "../errors";
import { allowOptions, contextUrl } from "../odata";
import type { TenantState } from "../tenant-state";
import type { Handler } from "../types";
import { requireUser } from "./users";

/** Typed method collections under /users/{id}/authentication/, by segment name. */
export const TYPED_COLLECTIONS: Record<string, string> = {
  fido2Methods: "#microsoft.graph.fido2AuthenticationMethod",
  windowsHelloForBusinessMethods: "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod",
  temporaryAccessPassMethods: "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
  microsoftAuthenticatorMethods: "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
  phoneMethods: "#microsoft.graph.phoneAuthenticationMethod",
  emailMethods: "#microsoft.graph.emailAuthenticationMethod",
  softwareOathMethods: "#microsoft.graph.softwareOathAuthenticationMethod",
  passwordMethods: "#microsoft.graph.passwordAuthenticationMethod",
  platformCredentialMethods: "#microsoft.graph.platformCredentialAuthenticationMethod",
};

/** The user's live methods, or the 403 a tenant gives when they cannot be read. */
export function methodsOf(state: TenantState, userId: string): AuthenticationMethod[] {
  const user = requireUser(state, userId);
  const methods = state.methodsOf(user.id);
  if (methods === undefined) {
    throw notReadable("authenticationMethods");
  }
  return methods;
}

export const listMethods: Handler = ({ request, params, state }) => {
  allowOptions(request, []);
  const methods = methodsOf(state, params.id!);
  return {
    status: 200,
    body: {
      "@odata.context": contextUrl(request, `users('${params.id}')/authentication/methods`),
      value: methods,
    },
  };
};

/** A typed collection lists its own type only, without "@odata.type" on each item, as Graph does. */
export const listTypedMethods: Handler = ({ request, params, state }) => {
  allowOptions(request, []);
  const type = TYPED_COLLECTIONS[params.collection!]!;
  const value = methodsOf(state, params.id!)
    .filter((method) => method["@odata.type"] === type)
    .map(({ "@odata.type": _type, ...rest }) => rest);
  return {
    status: 200,
    body: {
      "@odata.context": contextUrl(request, `users('${params.id}')/authentication/${params.collection}`),
      value,
    },
  };
};
