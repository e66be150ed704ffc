import type { FindingKey, ReadinessBucket } from "../../domain/report-types";

/** Each finding's heading and what to do about it, in the admin's words. */
export const FINDING_TEXTS: Readonly<Record<FindingKey, { title: string; why: string }>> = {
  breakGlassNotReady: {
    title: "Break-glass accounts not ready",
    why: "Emergency accounts need a passkey, FIDO2 key or certificate: one that works when everything else is down.",
  },
  adminsNotReady: {
    title: "Admins not ready",
    why: "They hold a directory role and have no MFA method that counts: they will be locked out of the Azure portal.",
  },
  serviceAccounts: {
    title: "Suspected service accounts",
    why: "User accounts that sign in like scripts (password only, never interactive). Move them to a workload identity.",
  },
  affectedNotReady: {
    title: "Affected users not ready",
    why: "They sign in to Azure and have no MFA method that counts yet.",
  },
  mfaServiceOnly: {
    title: "Relying only on the MFA service",
    why: "Ready, but only with Authenticator, phone or OATH codes, which fail when Microsoft's MFA service is down. Suggest a passkey.",
  },
};

export const BUCKET_TEXTS: Readonly<Record<ReadinessBucket, { legend: string; color: string }>> = {
  affectedReady: { legend: "Affected, ready", color: "good" },
  affectedNotReady: { legend: "Affected, not ready", color: "attention" },
  likely: { legend: "Likely affected", color: "warning" },
  unknown: { legend: "Unknown", color: "neutral" },
  notAffected: { legend: "Not affected", color: "categoricalBlue" },
};

const NUMBER = new Intl.NumberFormat("en-GB");

/** 12,345 */
export const count = (value: number) => NUMBER.format(value);

/** "1 user", "14 users" */
export const users = (value: number) => `${count(value)} ${value === 1 ? "user" : "users"}`;

/** "45 s", "3 min", "1 h 5 min" */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 90) {
    return `${seconds} s`;
  }
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
