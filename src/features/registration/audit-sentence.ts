import { userText } from "../../cards/markdown";
import type { AuditEntry } from "../../domain/audit-entry";
import { ROLE_TEMPLATE_IDS } from "../../domain/roles";
import { formatDay, formatNumber, intlOf } from "../../i18n/format";
import { isWalkthroughMethod, methodTitle } from "./methods";
import { readableLifetime } from "./tap-policy";
import type { Texts } from "./texts";

type Detail = NonNullable<AuditEntry["detail"]>;
type Sentence = (detail: Detail, entry: AuditEntry, texts: Texts) => string;

const K = "registration.audit";
const str = (value: unknown): string => (value === undefined || value === null ? "" : String(value));
const num = (value: unknown): number => (typeof value === "number" ? value : Number(value) || 0);

/** A detail value the product wrote itself, looked up in the resources; anything else shown as typed. */
function known(texts: Texts, group: string, value: unknown): string {
  const key = `${K}.${group}.${str(value)}`;
  return texts.t(key, { defaultValue: "" }) || userText(str(value));
}

const day = (value: unknown, texts: Texts) =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)
    ? formatDay(value.slice(0, 10), intlOf(texts.locale))
    : userText(str(value));

const method = (value: unknown, texts: Texts) =>
  isWalkthroughMethod(value) ? methodTitle(value, texts.t) : userText(str(value));

const count = (value: unknown, texts: Texts) => formatNumber(num(value), intlOf(texts.locale));

const roleName = (value: unknown, texts: Texts) =>
  value === "memberGroup"
    ? texts.t(`${K}.memberGroup`)
    : typeof value === "string" && Object.hasOwn(ROLE_TEMPLATE_IDS, value)
      ? texts.t(`common.roles.${value}`)
      : userText(str(value));

/** "44 no longer had a chat with the bot, 3 had blocked the bot" from the JSON counts a broadcast records. */
function reasons(json: unknown, texts: Texts): string {
  let counts: Record<string, unknown> = {};
  try {
    const parsed: unknown = typeof json === "string" ? JSON.parse(json) : {};
    counts = parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    // Not the product's JSON: nothing to break down.
    return "";
  }
  const parts = Object.entries(counts)
    .filter(([, n]) => num(n) > 0)
    .map(([reason, n]) =>
      texts.t(`${K}.broadcastReasonCount`, {
        count: count(n, texts),
        reason: texts.t(`${K}.reasons.${reason}`, { defaultValue: "" }) || texts.t(`${K}.reasons.other`),
      }),
    );
  return parts.length > 0 ? texts.list(parts) : "";
}

function broadcastTotals(key: string): Sentence {
  return (d, _entry, texts) => {
    const { t } = texts;
    const parts = [
      t(`${K}.${key}`, {
        sent: count(d.sent, texts),
        total: count(d.total, texts),
        failed: count(d.failed, texts),
        skipped: count(d.skipped, texts),
      }),
    ];
    const failed = reasons(d.failedByReason, texts);
    if (failed) {
      parts.push(t(`${K}.broadcastNotDelivered`, { reasons: failed }));
    }
    const skipped = reasons(d.skippedByReason, texts);
    if (skipped) {
      parts.push(t(`${K}.broadcastSkipped`, { reasons: skipped }));
    }
    return parts.join(" ");
  };
}

const phaseAndDate = (d: Detail, texts: Texts) => ({
  phase: userText(str(d.phase)),
  date: day(d.wantedDate, texts),
});

/**
 * A sentence a person understands for every audit action the product writes (grep `action:` across
 * src/features and src/commands): who is on the line beside it, so the sentence says what happened.
 */
const SENTENCES: Readonly<Record<string, Sentence>> = {
  "authz.granted": (d, _e, x) =>
    x.t(`${K}.granted`, { permission: known(x, "permissions", d.permission), by: roleName(d.by, x) }),
  "authz.refused": (d, _e, x) =>
    x.t(`${K}.refused`, {
      permission: known(x, "permissions", d.permission),
      reason: known(x, "refusals", d.reason),
    }),
  "walkthrough.verification": (d, e, x) =>
    x.t(`${K}.${e.outcome === "success" ? "verified" : "notVerified"}`, { method: method(d.method, x) }),
  "walkthrough.adminAsked": (d, e, x) =>
    e.outcome === "success"
      ? x.t(`${K}.adminAsked`, {
          method: method(d.method, x),
          delivered: count(d.delivered, x),
          admins: count(d.admins, x),
        })
      : x.t(`${K}.adminNotReached`, { method: method(d.method, x) }),
  "registration.forged": (_d, _e, x) => x.t(`${K}.forged`),
  "tap.requested": (d, e, x) => {
    if (e.outcome === "success") {
      return x.t(`${K}.tapRequested`, { delivered: count(d.delivered, x), approvers: count(d.approvers, x) });
    }
    if (str(d.reason).startsWith("policy.")) {
      return x.t(`${K}.tapRequestedPolicy`);
    }
    return x.t(`${K}.${d.reason === "noApprover" ? "tapRequestedNoApprover" : "tapRequestedUnreached"}`);
  },
  "tap.refused": (d, _e, x) =>
    x.t(
      `${K}.${d.reason === "unknownRequest" ? "tapUnknownRequest" : d.reason === "replayed" ? "tapReplayed" : "tapRefused"}`,
    ),
  "tap.declined": (_d, _e, x) => x.t(`${K}.tapDeclined`),
  "tap.issued": (d, e, x) => {
    if (e.outcome !== "success") {
      return x.t(`${K}.${d.reason === "delivery" ? "tapNotDelivered" : "tapNotCreated"}`);
    }
    return x.t(`${K}.${d.usableOnce === false ? "tapIssuedReusable" : "tapIssuedOnce"}`, {
      lifetime: readableLifetime(num(d.lifetimeMinutes), x.t),
      date: typeof d.expiresAt === "string" ? x.time(d.expiresAt) : "",
    });
  },
  "postponement.requested": (d, _e, x) =>
    x.t(`${K}.postponementRequested`, {
      ...phaseAndDate(d, x),
      notified: count(d.notified, x),
      unreachable: count(d.unreachable, x),
    }),
  "postponement.approver-unreachable": (_d, _e, x) => x.t(`${K}.postponementUnreachable`),
  "postponement.decision-refused": (_d, _e, x) => x.t(`${K}.postponementDecisionRefused`),
  "postponement.decision-too-late": (_d, _e, x) => x.t(`${K}.postponementTooLate`),
  "postponement.approved": (d, _e, x) => x.t(`${K}.postponementApproved`, phaseAndDate(d, x)),
  "postponement.declined": (d, _e, x) => x.t(`${K}.postponementDeclined`, phaseAndDate(d, x)),
  "postponement.applied-in-azure": (d, _e, x) =>
    x.t(
      `${K}.${d.result === "applied" ? "postponementApplied" : d.result === "forbidden" ? "postponementApplyRefused" : "postponementApplyFailed"}`,
      phaseAndDate(d, x),
    ),
  "postponement.reminder-sent": (d, _e, x) =>
    x.t(`${K}.postponementReminder`, {
      ...phaseAndDate(d, x),
      delivered: count(d.delivered, x),
      unreachable: count(d.unreachable, x),
    }),
  "broadcast.started": (d, _e, x) =>
    x.t(`${K}.${d.origin === "cli" ? "broadcastStartedCli" : "broadcastStarted"}`, {
      audience: known(x, "audiences", d.audience),
    }),
  "broadcast.scheduled": (d, _e, x) =>
    x.t(`${K}.broadcastScheduled`, { audience: known(x, "audiences", d.audience) }),
  "broadcast.paused": (_d, _e, x) => x.t(`${K}.broadcastPaused`),
  "broadcast.resumed": (_d, _e, x) => x.t(`${K}.broadcastResumed`),
  "broadcast.cancelled": (_d, _e, x) => x.t(`${K}.broadcastCancelled`),
  "broadcast.completed": broadcastTotals("broadcastCompleted"),
  "broadcast.cancelled.totals": broadcastTotals("broadcastCancelledTotals"),
  "broadcast.refused": (_d, _e, x) => x.t(`${K}.broadcastRefused`),
  "broadcast.reportUploaded": (_d, _e, x) => x.t(`${K}.broadcastReportUploaded`),
};

/** The audit actions this card explains in words; any other is named as recorded. */
export const EXPLAINED_AUDIT_ACTIONS: readonly string[] = Object.keys(SENTENCES);

export function auditSentence(entry: AuditEntry, texts: Texts): string {
  const sentence = SENTENCES[entry.action];
  return sentence
    ? sentence(entry.detail ?? {}, entry, texts)
    : texts.t(`${K}.unknown`, { action: userText(entry.action) });
}
