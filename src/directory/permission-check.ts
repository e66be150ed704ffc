import { FEATURE_PERMISSIONS, type FeaturePermissions } from "../domain/permissions";

export interface FeatureCheck {
  feature: string;
  required: boolean;
  permissions: readonly string[];
  /** Permissions of this feature the token lacks (empty: OK). */
  missing: string[];
}

export interface PermissionReport {
  /** False when the token has no roles claim at all (the simulator's token, or a token without any grant). */
  rolesClaim: boolean;
  features: FeatureCheck[];
  /** Required permissions the token lacks, each once. */
  requiredMissing: string[];
  allRequiredPresent: boolean;
}

/** The JWT payload, base64url-decoded and unverified: enough to read which roles were granted. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The application permissions in an access token's `roles` claim; undefined when there is no such claim. */
export function rolesOf(token: string): string[] | undefined {
  const roles = decodeJwtPayload(token)?.roles;
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === "string") : undefined;
}

/** A granted permission that includes the needed one: X.ReadWrite.Y covers X.Read.Y; Directory.* covers users and groups. */
function satisfies(granted: ReadonlySet<string>, needed: string): boolean {
  if (granted.has(needed) || granted.has(needed.replace(".Read.", ".ReadWrite."))) {
    return true;
  }
  const directoryWide = granted.has("Directory.Read.All") || granted.has("Directory.ReadWrite.All");
  return directoryWide && (needed === "User.Read.All" || needed === "GroupMember.Read.All");
}

/** Compares granted roles with what each feature needs (src/domain/permissions.ts). Pure. */
export function checkPermissions(
  roles: readonly string[] | undefined,
  table: readonly FeaturePermissions[] = FEATURE_PERMISSIONS,
): PermissionReport {
  const granted = new Set(roles ?? []);
  const features = table.map((entry) => ({
    feature: entry.feature,
    required: entry.required,
    permissions: entry.permissions,
    missing: entry.permissions.filter((permission) => !satisfies(granted, permission)),
  }));
  const requiredMissing = [
    ...new Set(features.filter((check) => check.required).flatMap((check) => check.missing)),
  ];
  return {
    rolesClaim: roles !== undefined,
    features,
    requiredMissing,
    allRequiredPresent: requiredMissing.length === 0,
  };
}

/** One line for /healthz. */
export function summarizePermissions(report: PermissionReport): string {
  if (!report.rolesClaim) {
    return "token has no roles claim; permissions not checked";
  }
  const optional = [
    ...new Set(report.features.filter((check) => !check.required).flatMap((check) => check.missing)),
  ];
  return [
    report.allRequiredPresent
      ? "all required permissions granted"
      : `missing required: ${report.requiredMissing.join(", ")}`,
    ...(optional.length > 0 ? [`missing optional: ${optional.join(", ")}`] : []),
  ].join("; ");
}
