import type { SignIn, SummarizedSignIn } from "./graph-types";

/**
 * A summarised non-interactive row as the sign-in the evidence rules read. Its dates cannot be filtered
 * and a d1 row covers a whole UTC day, so a row whose day is on or after the window start's day counts
 * (DOMAIN.md: at most one extra day of evidence at the window's start): its time is its first sign-in,
 * moved up to the window's start when that day began earlier. `signInCount` carries how many it stands for.
 */
export function summaryAsSignIn(
  row: SummarizedSignIn,
  windowStartMs: number,
  userId = "",
): SignIn | undefined {
  const day = Date.parse(row.aggregationDateTime);
  const startDay = Math.floor(windowStartMs / 86_400_000) * 86_400_000;
  if (Number.isNaN(day) || day < startDay) {
    return undefined;
  }
  const first = Date.parse(row.firstSignInDateTime);
  const time =
    Number.isNaN(first) || first < windowStartMs
      ? new Date(windowStartMs).toISOString()
      : row.firstSignInDateTime;
  return {
    id: row.id,
    userId,
    userPrincipalName: row.userPrincipalName,
    createdDateTime: time,
    appId: row.appId,
    appDisplayName: row.appDisplayName,
    resourceId: row.resourceId,
    isInteractive: false,
    signInEventTypes: ["nonInteractiveUser"],
    status: { errorCode: row.status?.errorCode ?? 0 },
    signInCount: row.signInCount,
  };
}
