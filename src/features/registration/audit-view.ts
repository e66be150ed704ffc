import { userText } from "../../cards/markdown";
import type { Actor } from "../../domain/actor";
import type { AuditEntry } from "../../domain/audit-entry";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import { refusalData } from "../authz/refusal-card";
import { readableTime, type RegistrationView } from "./actor";

const LATEST = 20;

/**
 * One entry as the card shows it. Names and card fields came from users (a display name, a forged
 * field): every such text is escaped, so a "[link](…)" in a name reads as typed in front of an admin.
 */
function entryView(entry: AuditEntry) {
  const actor = entry.actorName
    ? `${userText(entry.actorName)} (${userText(entry.actorId)})`
    : userText(entry.actorId);
  const subject =
    entry.subjectId && entry.subjectId !== entry.actorId
      ? ` for ${userText(entry.subjectName ?? entry.subjectId)}`
      : "";
  const detail = Object.entries(entry.detail ?? {})
    .map(([key, value]) => `${userText(key)}: ${userText(String(value))}`)
    .join(", ");
  return {
    at: readableTime(entry.at),
    action: userText(entry.action),
    outcome: entry.outcome,
    who: `${actor}${subject}`,
    detail,
  };
}

/** The newest audit entries, for those the permissions table allows (roles read now); either answer is audited. */
export async function auditView(
  authz: Authorizer,
  auditLog: AuditLog,
  actor: Actor,
): Promise<RegistrationView> {
  const decision = await authz.authorize(actor, "auditLog");
  if (!decision.allowed) {
    return { card: "error", data: { ...refusalData(decision) } };
  }
  const entries = await auditLog.latest(actor.tenantId, LATEST);
  return {
    card: "audit-log",
    data: {
      summary:
        entries.length === 0
          ? "Nothing recorded yet."
          : `The latest ${entries.length} entries, newest first.`,
      entries: entries.map(entryView),
    },
  };
}
