import type { VerbName } from "../../cards/verbs";
import { ENGLISH, type Locale } from "../../domain/language";
import { MINIMUM_CLIENT_TOOLS } from "../../domain/timeline";
import type { VerdictCode } from "../../domain/verdict";
import { textsFor } from "../../i18n/i18n";

/** The button title and the one-line explanation for each action and suggestion code on the status card. */
export interface CodeText {
  button: string;
  line: string;
}

/**
 * Which Action.Execute verb a code's button sends (always with `{code}`): the walkthrough that owns the
 * code, so the registration and postponement features receive their own verbs.
 */
export const CODE_VERBS: Readonly<Record<VerdictCode, VerbName>> = {
  REGISTER_PASSKEY: "startRegistration",
  REGISTER_WHFB: "startRegistration",
  BIND_CERTIFICATE: "startRegistration",
  REGISTER_MFA_METHOD: "startRegistration",
  ADD_STRONG_INDEPENDENT_METHOD: "startRegistration",
  MOVE_TO_WORKLOAD_IDENTITY: "startAction",
  UPDATE_CLIENT_TOOLS: "startAction",
  REQUEST_POSTPONEMENT: "requestPostponement",
};

/** A code's button and line in the reader's language (the tool versions from the one timeline file). */
export function codeText(code: VerdictCode, locale: Pick<Locale, "language"> = ENGLISH): CodeText {
  const t = textsFor(locale);
  const versions = { cli: MINIMUM_CLIENT_TOOLS.azureCli, powershell: MINIMUM_CLIENT_TOOLS.azurePowerShell };
  return { button: t(`status.codes.${code}.button`), line: t(`status.codes.${code}.line`, versions) };
}
