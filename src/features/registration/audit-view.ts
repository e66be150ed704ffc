import type { Directory } from "../../directory/directory";
import type { RoleName } from "../../domain/roles";
import type { AuditEntry, AuditLog } from "../../storage/audit-log";
import { hasAnyRole, readRoles } from "../authz/roles";
import { type Actor, type RegistrationView, notice, readableTime } from "./actor";

/** Who may read the audit log: the admins who act on authentication, and those who review security. */
export const AUDIT_READERS: readonly RoleName[] = [
  "globalAdministrator",
  "privilegedAuthenticationAdministrator",
  "authenticationAdministrator",
  "securityAdministrator",
  "securityReader",
  "globalReader",
];

const LATEST = 20;

function entryView(entry: AuditEntry) {
  const actor = entry.actorName ? `${entry.actorName} (${entry.actorId})` : entry.actorId;
  const subject = entry.subjectId && entry.subjectId !== entry.actorId ? ` for ${entry.subjectName ?? entry.subjectId}` : "";
  const detail = Object.entries(entry.detail ?? {})
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
  return { at: readableTime(entry.at), action: entry.action, outcome: entry.outcome, who: `${actor}${subject}`, detail };
}

/** The newest audit entries, for admins only (roles read now); anyone else is told no, and that is audited. */
export async function auditView(directory: Directory, auditLog: AuditLog, actor: Actor): Promise<RegistrationView> {
  const roles = await readRoles(directory, actor.userId);
  if (!hasAnyRole(roles, AUDIT_READERS)) {
    await auditLog.record({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.name, action: "audit.read", outcome: "refused", detail: { reason: "notAuthorised" } });
    return notice("The audit log is for admins", "Only Global, Authentication, Privileged Authentication and Security Administrators, and Security or Global Readers, can read it.", { tone: "attention" });
  }
  const entries = await auditLog.latest(actor.tenantId, LATEST);
  return {
    card: "audit-log",
    data: {
      summary: entries.length === 0 ? "Nothing recorded yet." : `The latest ${entries.length} entries, newest first.`,
      entries: entries.map(entryView),
    },
  };
}
