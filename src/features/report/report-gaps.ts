import type { GapCount } from "../../domain/report-types";
import { users } from "./report-texts";

/** Gaps an admin needs explained in tenant terms, by "data:reason". */
const EXPLAINED: Readonly<Record<string, string>> = {
  "signIns:noPremium":
    "Sign-in logs could not be read: the tenant has no Microsoft Entra ID P1 licence, so Microsoft keeps none. Without them, users who hold a directory role are counted as likely affected and everyone else as unknown.",
  "registrationDetails:noPremium":
    'The method registration report needs Microsoft Entra ID P1 too, so no one\'s methods could be read in bulk and no one shows as ready. Each person can still ask me "am I affected?": that reads their own methods live.',
  "methods:notReadInBulk":
    "Methods come from Microsoft's registration report, which can lag up to 36 hours behind; a person's own status card reads their methods live.",
  "registrationDetails:notInSnapshot":
    "Some users have no row in the registration report yet (new accounts take up to 36 hours): they show as not ready until it catches up.",
};

const WHAT: Readonly<Record<string, string>> = {
  signIns: "Sign-in logs",
  registrationDetails: "The method registration report",
  policy: "The authentication methods policy",
  roleAssignments: "Role assignments",
  groups: "Group members",
  methods: "Sign-in methods",
};

const WHY: Readonly<Record<string, string>> = {
  forbidden: "the app is not allowed to read them",
  throttled: "Microsoft Graph was busy",
  timeout: "Microsoft Graph did not answer in time",
  unavailable: "Microsoft Graph was unavailable",
  noPremium: "the tenant has no Microsoft Entra ID P1 licence",
};

/** One sentence per gap, the most important first; the count says how far it reaches. */
export function gapLines(gaps: readonly GapCount[], totalUsers: number): string[] {
  const order = (entry: GapCount) =>
    entry.gap.reason === "noPremium" ? 0 : entry.gap.data === "methods" ? 2 : 1;
  return [...gaps]
    .filter((entry) => !entry.gap.data.startsWith("policy.") || entry.users > 0)
    .sort((a, b) => order(a) - order(b))
    .map(({ gap, users: touched }) => {
      const known = EXPLAINED[`${gap.data}:${gap.reason}`];
      const reach = touched >= totalUsers ? "" : ` (${users(touched)})`;
      if (known !== undefined) {
        return `${known}${reach}`;
      }
      const grant = gap.permission
        ? ` Grant the app the Microsoft Graph application permission ${gap.permission}.`
        : "";
      return `${WHAT[gap.data] ?? gap.data} could not be read: ${WHY[gap.reason] ?? gap.reason}${reach}.${grant}`;
    });
}

/** The tenant has no Entra ID P1: the report says so at the top. */
export function isWithoutPremium(gaps: readonly GapCount[]): boolean {
  return gaps.some((entry) => entry.gap.reason === "noPremium");
}
