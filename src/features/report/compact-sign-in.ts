import type { SignIn } from "../../directory/graph-types";
import { EVIDENCE_ERROR_CODES } from "../../domain/apps";
import type { Window } from "../../domain/evidence";
import { phaseOf } from "../../domain/evidence";

const EVIDENCE_CODES = new Set(EVIDENCE_ERROR_CODES);

/**
 * A sign-in reduced to what the evidence rules read, or undefined when it can never count (out of scope,
 * out of the window, a failed sign-in): a month of a large tenant's sign-ins must be held until every
 * user's turn comes, so each one held is kept small.
 */
export function compactSignIn(signIn: SignIn, window: Window): SignIn | undefined {
  if (phaseOf(signIn) === undefined || !EVIDENCE_CODES.has(signIn.status?.errorCode ?? -1)) {
    return undefined;
  }
  const time = Date.parse(signIn.createdDateTime);
  if (!(time >= window.startMs && time <= window.endMs)) {
    return undefined;
  }
  return {
    id: "",
    userId: "",
    createdDateTime: signIn.createdDateTime,
    appId: signIn.appId,
    appDisplayName: signIn.appDisplayName,
    resourceId: signIn.resourceId,
    isInteractive: signIn.isInteractive,
    ...(signIn.signInEventTypes?.includes("nonInteractiveUser") ? { isInteractive: false } : {}),
    ...(signIn.signInCount === undefined ? {} : { signInCount: signIn.signInCount }),
    authenticationProtocol: signIn.authenticationProtocol,
    status: { errorCode: signIn.status?.errorCode },
  };
}
