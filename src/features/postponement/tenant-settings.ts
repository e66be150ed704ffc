import type { Directory } from "../../directory/directory";
import { DirectoryError } from "../../directory/errors";
import type { PortalServicesSettings } from "../../directory/graph-types";
import { PORTAL_SETTINGS_PERMISSION } from "../../domain/permissions";
import type { RequestablePhase } from "../../domain/postponement";

/** The tenant's own enforcement state (ARM Microsoft.PortalServices/settings/default), or why it is unknown. */
export type TenantSettings =
  | {
      kind: "read";
      portalEnforcement: string;
      /** "YYYY-MM-DD" or null when no date is set; per requestable phase. */
      dates: Record<RequestablePhase, string | null>;
      justifications: Record<RequestablePhase, string | null>;
    }
  | { kind: "forbidden"; permission: string }
  | { kind: "notFound" }
  /** `busy`: throttled, timed out or unreachable (worth a retry); `message` is for the log, never shown. */
  | { kind: "unavailable"; busy: boolean; message: string };

const day = (value: string | null | undefined): string | null =>
  typeof value === "string" && !Number.isNaN(Date.parse(value))
    ? new Date(value).toISOString().slice(0, 10)
    : null;

export function settingsFrom(resource: PortalServicesSettings): TenantSettings {
  const mfa = resource.properties?.multiFactorAuthentication ?? {};
  return {
    kind: "read",
    portalEnforcement: typeof mfa.portalEnforcement === "string" ? mfa.portalEnforcement : "Default",
    dates: { "1": day(mfa.portalEnforcementDate), "2": day(mfa.armEnforcementDate) },
    justifications: { "1": mfa.portalJustification ?? null, "2": mfa.armJustification ?? null },
  };
}

/** A failed ARM call in the product's terms: a missing Azure permission is named, never thrown at the user. */
export function settingsProblem(error: unknown): Exclude<TenantSettings, { kind: "read" }> {
  if (error instanceof DirectoryError) {
    if (error.reason === "forbidden" || error.reason === "unauthenticated") {
      return { kind: "forbidden", permission: PORTAL_SETTINGS_PERMISSION };
    }
    if (error.reason === "notFound") {
      return { kind: "notFound" };
    }
    return { kind: "unavailable", busy: error.retryable, message: error.action };
  }
  return {
    kind: "unavailable",
    busy: false,
    message: "Azure Resource Manager did not answer as expected; try again later.",
  };
}

export async function readTenantSettings(directory: Directory): Promise<TenantSettings> {
  try {
    return settingsFrom(await directory.getPortalSettings());
  } catch (error) {
    return settingsProblem(error);
  }
}
