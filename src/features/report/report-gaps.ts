import type { GapCount } from "../../domain/report-types";
import type { ReportTexts } from "./report-texts";

/** Gaps an admin needs explained in tenant terms, by "data:reason" (report.gaps.explained.<data>_<reason>). */
const EXPLAINED = new Set([
  "signIns:noPremium",
  "registrationDetails:noPremium",
  "methods:notReadInBulk",
  "registrationDetails:notInSnapshot",
]);
const WHAT = new Set(["signIns", "registrationDetails", "policy", "roleAssignments", "groups", "methods"]);
const WHY = new Set(["forbidden", "throttled", "timeout", "unavailable", "noPremium"]);

/**
 * One sentence per gap, the most important first; the count says how far it reaches. `methodsReadPerUser`:
 * without the registration report the scan read everyone's methods itself, and the report says so.
 */
export function gapLines(
  gaps: readonly GapCount[],
  totalUsers: number,
  texts: ReportTexts,
  options: { methodsReadPerUser?: boolean } = {},
): string[] {
  const { t } = texts;
  const order = (entry: GapCount) =>
    entry.gap.reason === "noPremium" ? 0 : entry.gap.data === "methods" ? 2 : 1;
  return [...gaps]
    .filter((entry) => !entry.gap.data.startsWith("policy.") || entry.users > 0)
    .sort((a, b) => order(a) - order(b))
    .map(({ gap, users: touched }) => {
      const reach = touched >= totalUsers ? "" : t("report.gaps.reach", { users: texts.users(touched) });
      if (EXPLAINED.has(`${gap.data}:${gap.reason}`)) {
        const perUser =
          options.methodsReadPerUser && gap.data === "registrationDetails" && gap.reason === "noPremium"
            ? "ReadPerUser"
            : "";
        return `${t(`report.gaps.explained.${gap.data}_${gap.reason}${perUser}`)}${reach}`;
      }
      const line = t("report.gaps.notRead", {
        what: WHAT.has(gap.data) ? t(`report.gaps.what.${gap.data}`) : gap.data,
        why: WHY.has(gap.reason) ? t(`report.gaps.why.${gap.reason}`) : gap.reason,
        reach,
      });
      return gap.permission ? `${line} ${t("report.gaps.grant", { permission: gap.permission })}` : line;
    });
}

/** The tenant has no Entra ID P1: the report says so at the top. */
export function isWithoutPremium(gaps: readonly GapCount[]): boolean {
  return gaps.some((entry) => entry.gap.reason === "noPremium");
}
