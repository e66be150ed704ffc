import { userText } from "../../cards/markdown";
import { renderCard } from "../../cards/render";
import type { AdaptiveCardJson } from "../../cards/types";
import type { TapRequest } from "../../domain/tap-request";
import { readableTime } from "./actor";
import { readableLifetime } from "./tap-policy";

export interface RequesterInfo {
  name: string;
  upn: string;
}

const OUTCOMES: Partial<Record<TapRequest["status"], (request: TapRequest) => string>> = {
  issued: (r) =>
    `Issued by ${r.decidedByName ?? "an admin"} at ${r.decidedAt ? readableTime(r.decidedAt) : "an unknown time"}.`,
  declined: (r) =>
    `Declined by ${r.decidedByName ?? "an admin"} at ${r.decidedAt ? readableTime(r.decidedAt) : "an unknown time"}.`,
  cancelled: () => "Withdrawn by the user.",
  issuing: (r) => `Being issued by ${r.decidedByName ?? "an admin"}…`,
  failed: (r) => `Could not be issued: ${r.note ?? "Microsoft Graph refused it"}.`,
};

/** The approval card an admin sees; `notice` explains a refusal to the admin who clicked. Never holds a pass. */
export function approvalCard(
  request: TapRequest,
  requester: RequesterInfo,
  terms: { lifetimeMinutes: number; usableOnce: boolean },
  notice = "",
): AdaptiveCardJson {
  const outcome = OUTCOMES[request.status]?.(request) ?? "";
  return renderCard("tap-approval", {
    requestId: request.id,
    requesterName: userText(requester.name),
    requesterUpn: userText(requester.upn),
    requestedAt: readableTime(request.createdAt),
    terms: `${terms.usableOnce ? "One-time use" : "Reusable"}, valid for ${readableLifetime(terms.lifetimeMinutes)} (within your tenant's Temporary Access Pass policy)`,
    whoMayIssue: request.needsPrivileged
      ? "A Privileged Authentication Administrator (the user holds a directory role)"
      : "An Authentication Administrator or Privileged Authentication Administrator",
    // Names and notes came from users and Graph: shown as typed.
    outcome: userText(outcome),
    outcomeTone:
      request.status === "issued" ? "good" : request.status === "pending" ? "default" : "attention",
    notice: userText(notice),
    pending: request.status === "pending",
  });
}

/** The pass, for the requester's personal chat only: rendered, sent, and forgotten. */
export function passCard(
  pass: string,
  issuedBy: string,
  lifetimeMinutes: number,
  usableOnce: boolean,
  expiresAt: Date,
): AdaptiveCardJson {
  return renderCard("tap-pass", {
    pass,
    issuedBy,
    validity: `${readableLifetime(lifetimeMinutes)}, until ${readableTime(expiresAt)}`,
    usage: usableOnce
      ? "Once: it stops working after your first sign-in"
      : "Several sign-ins until it expires",
  });
}
