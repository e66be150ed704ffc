import { userText } from "../../cards/markdown";
import { view } from "../../cards/view";
import type { Actor } from "../../domain/actor";
import type { AuditEntry } from "../../domain/audit-entry";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import { refusalData } from "../authz/refusal-card";
import type { RegistrationView } from "./actor";
import { auditSentence } from "./audit-sentence";
import { type Texts, textsOf } from "./texts";

const LATEST = 20;

/**
 * One entry as the card shows it: a sentence saying what happened, who did it (for whom), when, how it
 * ended and the record as stored (its action id and outcome code). Names and card fields came from users (a display name, a forged field):
 * every such text is escaped, so a "[link](…)" in a name reads as typed in front of an admin.
 */
function entryView(entry: AuditEntry, texts: Texts) {
  const { t } = texts;
  const actor = entry.actorName
    ? t("registration.audit.who", { name: userText(entry.actorName), id: userText(entry.actorId) })
    : userText(entry.actorId);
  const who =
    entry.subjectId && entry.subjectId !== entry.actorId
      ? t("registration.audit.whoFor", {
          who: actor,
          subject: userText(entry.subjectName ?? entry.subjectId),
        })
      : actor;
  return {
    at: texts.time(entry.at),
    action: userText(entry.action),
    // The record as stored (action id and outcome code), for matching it against the log's raw rows.
    record: `${userText(entry.action)} · ${entry.outcome}`,
    outcome: t(`registration.audit.outcomes.${entry.outcome}`),
    sentence: auditSentence(entry, texts),
    who,
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
    return view("error", { ...refusalData(decision) });
  }
  const texts = textsOf(actor.locale);
  const entries = await auditLog.latest(actor.tenantId, LATEST);
  return view("audit-log", {
    summary:
      entries.length === 0
        ? texts.t("registration.audit.empty")
        : texts.t("registration.audit.latest", { count: entries.length }),
    entries: entries.map((entry) => entryView(entry, texts)),
  });
}
