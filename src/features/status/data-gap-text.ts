import type { DataGap } from "../../domain/facts";

/** What could not be read, in words a user understands. */
const WHAT: Readonly<Record<string, string>> = {
  signIns: "Your sign-in history",
  registrationDetails: "Your entry in the method registration report",
  methods: "Your sign-in methods",
  roleAssignments: "Your admin roles",
  policy: "Your organisation's authentication methods policy",
  groups: "Your group memberships",
  user: "Your account details",
};

const WHY: Readonly<Record<string, string>> = {
  noPremium:
    "the tenant has no Microsoft Entra ID P1 licence, so Microsoft keeps no sign-in logs for it; the phase verdicts are estimated from admin roles",
  forbidden: "the app is not allowed to read it",
  throttled: "Microsoft Graph was busy",
  timeout: "Microsoft Graph did not answer in time",
  unavailable: "Microsoft Graph was unavailable",
  notInSnapshot: "the tenant snapshot does not hold it",
  notConfigured: "it is not configured",
  notInPolicy: "the policy has no setting for it, so the method was counted anyway",
  notInReport: "new entries can take up to 36 hours to appear; your live methods were used",
};

function what(data: string): string {
  const known = WHAT[data];
  if (known !== undefined) {
    return known;
  }
  // "policy.Fido2": one method configuration missing from the policy.
  if (data.startsWith("policy.")) {
    return `The policy setting for ${data.slice("policy.".length)}`;
  }
  return data;
}

/** "Your sign-in history could not be read: … An admin must grant the app the Microsoft Graph permission X." */
export function dataGapText(gap: DataGap): string {
  const why = WHY[gap.reason] ?? gap.reason;
  const verb =
    gap.reason === "notInPolicy" || gap.reason === "notInReport" ? "is missing" : "could not be read";
  const grant =
    gap.permission === undefined
      ? ""
      : ` An admin must grant the app the Microsoft Graph application permission ${gap.permission} (with admin consent).`;
  return `${what(gap.data)} ${verb}: ${why}.${grant}`;
}
