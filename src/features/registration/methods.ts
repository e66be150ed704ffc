import type { TFunction } from "i18next";

import type { VerdictCode } from "../../domain/verdict";

/** The walkthroughs this feature runs, one per way of getting ready. */
export const WALKTHROUGH_METHODS = [
  "passkey",
  "whfb",
  "certificate",
  "mfaMethod",
  "breakGlass",
  "workloadIdentity",
] as const;
export type WalkthroughMethod = (typeof WALKTHROUGH_METHODS)[number];

/** The status card's action codes a walkthrough owns (the rest keep the guidance card). */
export const METHOD_FOR_CODE: Readonly<Partial<Record<VerdictCode, WalkthroughMethod>>> = {
  REGISTER_PASSKEY: "passkey",
  REGISTER_WHFB: "whfb",
  BIND_CERTIFICATE: "certificate",
  REGISTER_MFA_METHOD: "mfaMethod",
  ADD_STRONG_INDEPENDENT_METHOD: "breakGlass",
  MOVE_TO_WORKLOAD_IDENTITY: "workloadIdentity",
};

/** The welcome and help cards' buttons carry {method} in the recogniser's words. */
const METHOD_ALIASES: Readonly<Record<string, WalkthroughMethod>> = {
  passkey: "passkey",
  fido2: "passkey",
  whfb: "whfb",
  certificate: "certificate",
  authenticator: "mfaMethod",
  phone: "mfaMethod",
};

export function isWalkthroughMethod(value: unknown): value is WalkthroughMethod {
  return typeof value === "string" && (WALKTHROUGH_METHODS as readonly string[]).includes(value);
}

/** Which walkthrough a button asks for: {method} (ours or an alias) or {code}; undefined when none owns it. */
export function methodFromCardData(
  data: { method?: unknown; code?: unknown } | undefined,
): WalkthroughMethod | undefined {
  if (isWalkthroughMethod(data?.method)) {
    return data.method;
  }
  if (typeof data?.method === "string" && Object.hasOwn(METHOD_ALIASES, data.method)) {
    return METHOD_ALIASES[data.method];
  }
  if (typeof data?.code === "string" && Object.hasOwn(METHOD_FOR_CODE, data.code)) {
    return METHOD_FOR_CODE[data.code as VerdictCode];
  }
  return undefined;
}

/** The method's name in the reader's language ("Passkey or security key"). */
export const methodTitle = (method: WalkthroughMethod, t: TFunction): string =>
  t(`registration.methods.${method}`);
