import type { Actor } from "../../domain/actor";
import type { ProgressCardRef } from "../../domain/broadcast";
import { jobInTenant, refusalOf } from "./broadcast-access";
import type { BroadcastView } from "./broadcast-view";
import { createFollowUp, type FollowUpKind } from "./follow-ups";
import { progressAnswer } from "./progress-answer";
import type { BroadcastServiceOptions } from "./service-options";

/**
 * "Resend to those who failed" / "Remind those not yet ready" on the progress or report card: a new job
 * over this one's ledger, one of each kind per job (a second click shows the same job), audited; the
 * card is replaced by the new job's progress card, which then updates itself in the same place.
 */
export async function startFollowUp(
  options: BroadcastServiceOptions,
  actor: Actor,
  jobId: unknown,
  kind: FollowUpKind,
  card?: Omit<ProgressCardRef, "adminMri">,
): Promise<BroadcastView> {
  const id = typeof jobId === "string" ? jobId : "";
  const refused = await refusalOf(
    options.authz,
    actor,
    kind === "failed" ? "resend" : "remind",
    id || undefined,
  );
  if (refused) {
    return refused;
  }
  const parent = await jobInTenant(options.jobs, id, actor);
  if (!parent) {
    return progressAnswer(options, id, actor);
  }
  const { created, job } = await createFollowUp(
    { jobs: options.jobs, auditLog: options.auditLog },
    parent,
    kind,
    { userId: actor.userId, ...(actor.name ? { name: actor.name } : {}) },
    options.now(),
  );
  if (created) {
    const ref = card ?? parent.progressRef;
    if (ref) {
      await options.jobs.setProgressRef(job.id, {
        ...ref,
        adminMri: actor.mri ?? parent.progressRef?.adminMri,
      });
    }
    void options.runner.run(job.id);
  }
  return progressAnswer(options, job.id, actor);
}
