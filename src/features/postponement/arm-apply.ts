import type { Directory } from "../../directory/directory";
import type { PortalServicesSettings } from "../../directory/graph-types";
import { phasePostponement } from "../../domain/postponement";
import type { ApplyOutcome, PostponementRequest } from "../../domain/postponement-request";
import { settingsFrom, settingsProblem } from "./tenant-settings";

/** The ARM properties each requestable phase sets (DOMAIN.md: portal* for phase 1, arm* for phase 2). */
const FIELDS = {
  "1": { date: "portalEnforcementDate", justification: "portalJustification" },
  "2": { date: "armEnforcementDate", justification: "armJustification" },
} as const;

/**
 * Sets an approved self-service postponement in Azure Resource Manager (Microsoft.PortalServices/settings/
 * default): reads the resource, changes only this phase's date and justification, PUTs it, and reads it back
 * to confirm. Refuses once the phase's window has closed; a missing Azure permission is an outcome, not a throw.
 */
export async function applyInAzure(
  directory: Directory,
  request: PostponementRequest,
  now: Date,
): Promise<ApplyOutcome> {
  const phase = phasePostponement(request.phase, now);
  if (!phase.open || request.route !== "selfService") {
    return { kind: "windowClosed", lastDate: phase.lastSelfServiceDate };
  }
  const fields = FIELDS[request.phase];
  try {
    const current = await directory.getPortalSettings();
    const mfa = current.properties?.multiFactorAuthentication ?? {};
    const wanted: PortalServicesSettings = {
      properties: {
        ...current.properties,
        multiFactorAuthentication: {
          ...mfa,
          [fields.date]: `${request.wantedDate}T00:00:00Z`,
          [fields.justification]: request.justification,
        },
      },
    };
    await directory.putPortalSettings(wanted);
    const readBack = settingsFrom(await directory.getPortalSettings());
    const date = readBack.kind === "read" ? readBack.dates[request.phase] : null;
    return date === request.wantedDate
      ? { kind: "applied", readBackDate: date }
      : { kind: "mismatch", readBackDate: date };
  } catch (error) {
    const problem = settingsProblem(error);
    return problem.kind === "forbidden"
      ? { kind: "forbidden", permission: problem.permission }
      : {
          kind: "failed",
          message: problem.kind === "unavailable" ? problem.message : "the settings resource was not found.",
        };
  }
}
