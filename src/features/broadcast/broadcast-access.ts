import type { TFunction } from "i18next";

import { errorCard } from "../../cards/error-card";
import type { Actor } from "../../domain/actor";
import type { BroadcastJob, ProgressCardRef } from "../../domain/broadcast";
import { ENGLISH } from "../../domain/language";
import type { Authorizer } from "../authz/authorize";
import { refusalView } from "../authz/refusal-card";
import type { BroadcastJobStore } from "./broadcast-job-store";
import type { BroadcastView } from "./broadcast-view";

/** Undefined when allowed, else the refusal in the actor's language; either way authorize has audited it. */
export async function refusalOf(
  authz: Authorizer,
  actor: Actor,
  step: string,
  subjectId?: string,
): Promise<BroadcastView | undefined> {
  const decision = await authz.authorize(actor, "broadcast", { step, ...(subjectId ? { subjectId } : {}) });
  return decision.allowed ? undefined : refusalView(decision, actor.locale ?? ENGLISH);
}

/** The job, when it is one of the actor's tenant (an id from card data is never trusted further). */
export async function jobInTenant(
  jobs: BroadcastJobStore,
  jobId: string,
  actor: Actor,
): Promise<BroadcastJob | undefined> {
  const job = jobId ? await jobs.getJob(jobId) : undefined;
  return job && job.tenantId === actor.tenantId.toLowerCase() ? job : undefined;
}

/** A view of the error template with the broadcast's own words (`<key>Title`, `<key>What`, `<key>Do`). */
export function errorView(t: TFunction, key: string, todo = `${key}Do`): BroadcastView {
  return errorCard({
    title: t(`broadcast.errors.${key}Title`),
    whatHappened: t(`broadcast.errors.${key}What`),
    whatToDo: t(`broadcast.errors.${todo}`),
  });
}

/** Where the admin's card is, with who reads it (refresh) and in which language (the runner's updates). */
export function refOf(card: Omit<ProgressCardRef, "adminMri" | "locale">, actor: Actor): ProgressCardRef {
  return {
    ...card,
    ...(actor.mri ? { adminMri: actor.mri } : {}),
    ...(actor.locale ? { locale: actor.locale.tag } : {}),
  };
}
