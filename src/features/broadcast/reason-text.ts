import type { TFunction } from "i18next";

import { formatNumber } from "../../i18n/format";
import { translator } from "../../i18n/i18n";

/**
 * Why a recipient was not reached or was left out, as a person reads it (the progress card and the
 * delivery report). The ledger keeps the short code; the admin never sees it alone.
 */
const KNOWN = new Set([
  "blocked",
  "botDisabled",
  "notFound",
  "forbidden",
  "badRequest",
  "unauthorized",
  "throttled",
  "noConversation",
  "appNotInstalled",
  "internalError",
  "failed",
  "guest",
  "disabled",
  "unknownUser",
  "nowReady",
  "notAssessed",
  "cancelled",
]);

/** One failure or skip code as words; prefixed codes (install:…, unavailable:…) by their kind. */
export function reasonText(code: string, t: TFunction = translator("en")): string {
  if (KNOWN.has(code)) {
    return t(`broadcast.reasons.${code}`);
  }
  if (code.startsWith("install:")) {
    return t(code === "install:notFound" ? "broadcast.reasons.installNotFound" : "broadcast.reasons.install");
  }
  if (code.startsWith("contact:")) {
    return t("broadcast.reasons.contact");
  }
  if (code.startsWith("unavailable:")) {
    return t("broadcast.reasons.unavailable");
  }
  return t("broadcast.reasons.unexpected");
}

/** "2 they blocked the app in Teams; 1 their chat no longer exists" for a count per code. */
export function reasonsText(
  byReason: Record<string, number>,
  t: TFunction = translator("en"),
  locale = "en-US",
): string {
  const merged = new Map<string, number>();
  for (const [code, count] of Object.entries(byReason)) {
    const text = reasonText(code, t);
    merged.set(text, (merged.get(text) ?? 0) + count);
  }
  return [...merged]
    .map(([reason, count]) =>
      t("broadcast.reasons.count", { count: formatNumber(count, { locale }), reason }),
    )
    .join("; ");
}
