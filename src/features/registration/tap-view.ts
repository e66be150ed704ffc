import { userText } from "../../cards/markdown";
import { type View, view } from "../../cards/view";
import type { TapRequest } from "../../domain/tap-request";
import { readableLifetime } from "./tap-policy";
import type { Texts } from "./texts";

export interface RequesterInfo {
  /** The requester's display name, or undefined when Graph and Teams named none. */
  name: string | undefined;
  upn: string;
}

/** The outcome line of a decided request, in the reader's language. */
function outcomeOf(request: TapRequest, { t, time }: Texts): string {
  const name = request.decidedByName ?? t("registration.tap.anAdmin");
  const date = request.decidedAt ? time(request.decidedAt) : t("registration.tap.unknownTime");
  switch (request.status) {
    case "issued":
      return t("registration.tap.issued", { name, date });
    case "declined":
      return t("registration.tap.declined", { name, date });
    case "cancelled":
      return t("registration.tap.cancelled");
    case "issuing":
      return t("registration.tap.issuing", { name });
    case "failed":
      return t("registration.tap.failed", { note: noteText(request.note, t) });
    default:
      return "";
  }
}

/** Notes the product itself stores are keys of its own sentences; anything else came from Graph, as it is. */
const NOTE_KEYS: Readonly<Record<string, string>> = {
  undelivered: "registration.tap.noteUndelivered",
  noAdmin: "registration.tap.noteNoAdmin",
};

function noteText(note: string | undefined, t: Texts["t"]): string {
  if (note === undefined) {
    return t("registration.tap.failedDefault");
  }
  return NOTE_KEYS[note] ? t(NOTE_KEYS[note]) : note;
}

/** The terms of a pass: "One-time use, valid for 1 hour (within your tenant's … policy)". */
export function termsLine(terms: { lifetimeMinutes: number; usableOnce: boolean }, { t }: Texts): string {
  return t(terms.usableOnce ? "registration.tap.termsOnce" : "registration.tap.termsReusable", {
    lifetime: readableLifetime(terms.lifetimeMinutes, t),
  });
}

/** The approval card an admin sees; `notice` explains a refusal to the admin who clicked. Never holds a pass. */
export function approvalCard(
  request: TapRequest,
  requester: RequesterInfo,
  terms: { lifetimeMinutes: number; usableOnce: boolean },
  texts: Texts,
  notice = "",
): View<"tap-approval"> {
  const { t } = texts;
  // Names and notes came from users and Graph: shown as typed.
  const name = userText(requester.name ?? t("registration.tap.aUser"));
  return view("tap-approval", {
    requestId: request.id,
    requesterName: name,
    requesterUpn: userText(requester.upn),
    asks: t("registration.tap.asks", { name }),
    onlyTo: t("registration.tap.onlyTo", { name }),
    requestedAt: texts.time(request.createdAt),
    terms: termsLine(terms, texts),
    whoMayIssue: t(request.needsPrivileged ? "registration.tap.whoPrivileged" : "registration.tap.whoAny"),
    outcome: userText(outcomeOf(request, texts)),
    outcomeTone:
      request.status === "issued" ? "good" : request.status === "pending" ? "default" : "attention",
    notice: userText(notice),
    pending: request.status === "pending",
  });
}

/** The pass, for the requester's personal chat only, in their language: rendered, sent, and forgotten. */
export function passCard(
  pass: string,
  issuedBy: string,
  lifetimeMinutes: number,
  usableOnce: boolean,
  expiresAt: Date,
  texts: Texts,
): View<"tap-pass"> {
  const { t } = texts;
  return view("tap-pass", {
    pass,
    issuedBy: t("registration.tap.issuedBy", { name: userText(issuedBy) }),
    validity: t("registration.tap.validity", {
      lifetime: readableLifetime(lifetimeMinutes, t),
      date: texts.time(expiresAt),
    }),
    usage: t(usableOnce ? "registration.tap.usageOnce" : "registration.tap.usageReusable"),
  });
}
