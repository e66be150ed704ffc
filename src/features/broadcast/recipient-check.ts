import type { TFunction } from "i18next";

import type { Actor } from "../../domain/actor";
import { ENGLISH } from "../../domain/language";
import type { Verdict } from "../../domain/verdict";
import { textsFor } from "../../i18n/i18n";
import { textsOf } from "./admin-locale";
import { errorView, jobInTenant } from "./broadcast-access";
import type { BroadcastView } from "./broadcast-view";
import { type CheckResult, messageView } from "./message-card";
import { actionTitle, personalCode } from "./personal-line";
import type { BroadcastServiceOptions } from "./service-options";

/** What the re-check found, in one line: ready, what is still missing, or that it could not be read. */
function checkResult(verdict: Verdict | undefined, t: TFunction): CheckResult {
  if (verdict === undefined) {
    return { text: t("broadcast.check.unknown"), style: "emphasis" };
  }
  if (verdict.mfaReady) {
    return { text: t("broadcast.check.ready"), style: "good" };
  }
  const first = verdict.actions[0];
  return {
    text: t("broadcast.check.notReady", {
      missing: first ? actionTitle(first, t) : t("broadcast.actions.other"),
    }),
    style: "warning",
  };
}

/**
 * A recipient's "Done: check me now": their status re-read in Graph (the status service, fresh), the
 * acknowledgement and what it found recorded in the ledger, and their card answered in place.
 * Only a recipient of the job can acknowledge it: the actor is the turn's sender, never card data.
 */
export async function checkMe(
  options: BroadcastServiceOptions,
  actor: Actor,
  jobId: unknown,
): Promise<BroadcastView> {
  const id = typeof jobId === "string" ? jobId : "";
  const job = await jobInTenant(options.jobs, id, actor);
  const delivery = job ? await options.ledger.get(job.id, actor.userId) : undefined;
  if (!job || !delivery) {
    return errorView(textsOf(actor), "notYours");
  }
  const verdict = options.assess
    ? await options.assess(actor.tenantId, actor.userId).catch((error: unknown) => {
        options.logger.warn(
          { event: "broadcast.recheckFailed", jobId: id, err: String(error) },
          "re-check failed",
        );
        return undefined;
      })
    : undefined;
  await options.ledger.acknowledge(
    job.id,
    actor.userId,
    verdict ? { readyNow: verdict.mfaReady } : {},
    options.now().toISOString(),
  );
  // The card answers its reader: the clicking recipient, in the language Teams says they use.
  const locale = actor.locale ?? ENGLISH;
  return messageView(
    job.content,
    personalCode(verdict) ?? delivery.personal,
    job.origin === "cli" ? undefined : job.authorName,
    { jobId: job.id, result: checkResult(verdict, textsFor(locale)), locale },
  );
}
