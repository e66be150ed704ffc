import type { DataGap } from "../../domain/facts";
import { ENGLISH, type Locale } from "../../domain/language";
import { textsFor } from "../../i18n/i18n";

/** What could not be read, and why, in words a user understands (status.gaps.what / .why). */
const WHAT = new Set([
  "signIns",
  "registrationDetails",
  "methods",
  "roleAssignments",
  "policy",
  "groups",
  "user",
]);
const WHY = new Set([
  "noPremium",
  "forbidden",
  "throttled",
  "timeout",
  "unavailable",
  "notInSnapshot",
  "notConfigured",
  "notInPolicy",
  "notInReport",
]);

/** "Your sign-in history could not be read: … An admin must grant the app the Microsoft Graph permission X." */
export function dataGapText(gap: DataGap, locale: Pick<Locale, "language"> = ENGLISH): string {
  const t = textsFor(locale);
  // "policy.Fido2": one method configuration missing from the policy (Microsoft's own name for it).
  const what = WHAT.has(gap.data)
    ? t(`status.gaps.what.${gap.data}`)
    : gap.data.startsWith("policy.")
      ? t("status.gaps.what.policySetting", { method: gap.data.slice("policy.".length) })
      : gap.data;
  const why = WHY.has(gap.reason)
    ? t(`status.gaps.why.${gap.reason}`)
    : t("status.gaps.why.other", { reason: gap.reason });
  const missing = gap.reason === "notInPolicy" || gap.reason === "notInReport";
  const sentence = t(missing ? "status.gaps.isMissing" : "status.gaps.couldNotBeRead", { what, why });
  return gap.permission === undefined
    ? sentence
    : t("status.gaps.withGrant", { sentence, grant: t("status.gaps.grant", { permission: gap.permission }) });
}
