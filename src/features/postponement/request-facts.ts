import { userText } from "../../cards/markdown";
import { phasePostponement } from "../../domain/postponement";
import type { ApplyOutcome, PostponementRequest } from "../../domain/postponement-request";
import { readableDay, readableTime } from "../status/readable-date";
import type { Fact } from "./answer-view";

/** The facts every postponement card shows about one request. Names and typed text are escaped. */
export function requestFacts(request: PostponementRequest): Fact[] {
  return [
    { title: "Requested by", value: userText(request.requesterName ?? request.requesterId) },
    {
      title: "Phase",
      value:
        request.phase === "1"
          ? "1 (portals and admin centers)"
          : "2 (Azure Resource Manager: CLI, PowerShell, IaC, REST)",
    },
    {
      title: request.route === "selfService" ? "New enforcement date" : "Lift until",
      value: readableDay(request.wantedDate),
    },
    {
      title: "Route",
      value:
        request.route === "selfService" ? "Self-service, in the Azure portal" : "Microsoft Support request",
    },
    { title: "Requested on", value: readableTime(new Date(request.createdAt)) },
    { title: "Reference", value: request.id },
  ];
}

/** "Approved by Megan Bowen on 28 Nov 2026, 10:01 UTC." (empty while pending). */
export function decisionLine(request: PostponementRequest): string {
  if (request.status === "pending" || request.decidedAt === undefined) {
    return "";
  }
  const who = userText(request.decidedByName ?? request.decidedById ?? "a Global Administrator");
  return `${request.status === "approved" ? "Approved" : "Declined"} by ${who} on ${readableTime(new Date(request.decidedAt))}.`;
}

/** What applying it in Azure came to, in one sentence ("" when it was not asked for). */
export function appliedLine(outcome: ApplyOutcome | undefined): string {
  switch (outcome?.kind) {
    case undefined:
      return "";
    case "applied":
      return `Applied in Azure: the tenant's setting now reads ${readableDay(outcome.readBackDate)} (read back after the change).`;
    case "mismatch":
      return `Sent to Azure, but the setting reads back as ${outcome.readBackDate ? readableDay(outcome.readBackDate) : "no date"}: follow the portal steps to set it by hand.`;
    case "forbidden":
      return `Not applied in Azure: MFA Ready lacks the Azure permission ${outcome.permission}. Follow the portal steps, or grant it and decide again next time.`;
    case "failed":
      return `Not applied in Azure: ${outcome.message} Follow the portal steps instead.`;
    case "windowClosed":
      return `Not applied in Azure: self-service postponement closed on ${readableDay(outcome.lastDate)}.`;
  }
}

/** True while a Global Administrator can still set this request's date in the portal (or through ARM). */
export function selfServiceStillOpen(request: PostponementRequest, now: Date): boolean {
  return request.route === "selfService" && phasePostponement(request.phase, now).open;
}
