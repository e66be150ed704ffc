import { BREAK_GLASS, WORKLOAD_IDENTITY } from "./admin-walkthroughs";
import type { WalkthroughMethod } from "./methods";
import { AUTHENTICATOR, CERTIFICATE, PASSKEY, WINDOWS_HELLO } from "./user-walkthroughs";
import type { WalkthroughDefinition } from "./walkthrough-definition";

/** Every walkthrough, by method: the data the service steps through. */
export const DEFINITIONS: Readonly<Record<WalkthroughMethod, WalkthroughDefinition>> = {
  passkey: PASSKEY,
  whfb: WINDOWS_HELLO,
  certificate: CERTIFICATE,
  mfaMethod: AUTHENTICATOR,
  breakGlass: BREAK_GLASS,
  workloadIdentity: WORKLOAD_IDENTITY,
};
