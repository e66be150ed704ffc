/**
 * Why a recipient was not reached or was left out, as a person reads it (the progress card and the
 * delivery report). The ledger keeps the short code; the admin never sees it alone.
 */
const FAILED: Record<string, string> = {
  blocked: "they blocked the app in Teams",
  botDisabled: "an admin turned the app off in Teams",
  notFound: "their chat no longer exists (they may have left)",
  forbidden: "Teams refused the message",
  badRequest: "Teams could not read the message",
  unauthorized: "Teams did not accept the bot's sign-in",
  throttled: "Teams kept saying 'too many requests'",
  noConversation: "no chat with them, and no Teams service URL configured to open one",
  appNotInstalled: "the app is not installed for them, and TEAMS_APP_ID is not set to install it",
  internalError: "an error in MFA Ready (see the logs)",
  failed: "Teams refused the message",
};

const SKIPPED: Record<string, string> = {
  guest: "guests",
  disabled: "disabled accounts",
  unknownUser: "not found in the directory",
  nowReady: "ready by now",
  notAssessed: "could not be re-assessed",
  cancelled: "cancelled before sending",
};

/** One failure or skip code as words; prefixed codes (install:…, unavailable:…) by their kind. */
export function reasonText(code: string): string {
  if (code in FAILED) {
    return FAILED[code]!;
  }
  if (code in SKIPPED) {
    return SKIPPED[code]!;
  }
  if (code.startsWith("install:")) {
    return code === "install:notFound"
      ? "the app could not be installed for them (the user or the app was not found)"
      : "the app could not be installed for them through Microsoft Graph";
  }
  if (code.startsWith("contact:")) {
    return "Teams could not open a chat with them just now";
  }
  if (code.startsWith("unavailable:")) {
    return "Teams was unavailable after several tries";
  }
  return "an unexpected answer from Teams";
}

/** "2 · they blocked the app in Teams; 1 · their chat no longer exists" for a count per code. */
export function reasonsText(byReason: Record<string, number>): string {
  const merged = new Map<string, number>();
  for (const [code, count] of Object.entries(byReason)) {
    const text = reasonText(code);
    merged.set(text, (merged.get(text) ?? 0) + count);
  }
  return [...merged].map(([text, count]) => `${count.toLocaleString("en-US")} ${text}`).join("; ");
}
