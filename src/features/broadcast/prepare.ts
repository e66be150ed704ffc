import type { BroadcastJob, Delivery, NewDelivery } from "../../domain/broadcast";
import type { Verdict } from "../../domain/verdict";
import {
  type AudienceSources,
  type Candidate,
  directoryFacts,
  resolveAudience,
  skipReason,
} from "./audience";
import type { BroadcastLedger } from "./broadcast-ledger";
import { personalCode } from "./personal-line";

/** Re-assesses one user now (a follow-up only reminds those still not ready). */
export type Assess = (tenantId: string, userId: string) => Promise<Verdict | undefined>;

export interface PrepareOptions {
  ledger: BroadcastLedger;
  sources: AudienceSources;
  assess?: Assess;
  now: () => Date;
  batchSize?: number;
}

const row = (candidate: Candidate, reason: string | undefined, locale: string | undefined): NewDelivery => ({
  userId: candidate.userId,
  upn: candidate.upn,
  displayName: candidate.displayName,
  personal: personalCode(candidate.verdict),
  ...(locale ? { locale } : {}),
  ...(reason ? { state: "skipped" as const, reason } : {}),
});

/**
 * Writes the job's ledger: one row per recipient, pending, or skipped with the reason (guest, disabled,
 * unknownUser; for a follow-up nowReady or notAssessed). Safe to run again after a crash: rows already
 * there are kept as they are.
 */
export async function prepareJob(job: BroadcastJob, options: PrepareOptions): Promise<void> {
  const batchSize = options.batchSize ?? 500;
  let batch: NewDelivery[] = [];
  const flush = async () => {
    if (batch.length > 0) {
      await options.ledger.add(job.id, batch, options.now().toISOString());
      batch = [];
    }
  };
  const push = async (delivery: NewDelivery) => {
    batch.push(delivery);
    if (batch.length >= batchSize) {
      await flush();
    }
  };

  const audience = job.content.audience;
  if (audience.kind === "follow-up") {
    await prepareFollowUp(job, audience.parentJobId, options, push);
    await flush();
    return;
  }
  if (audience.kind === "resend-failed") {
    await eachParentRow(options.ledger, audience.parentJobId, async (previous) => {
      if (previous.state === "failed") {
        const { userId, upn, displayName, personal, locale } = previous;
        await push({
          userId,
          upn,
          displayName,
          ...(personal === undefined ? {} : { personal }),
          ...(locale === undefined ? {} : { locale }),
        });
      }
    });
    await flush();
    return;
  }
  const { disabled, languages } = await directoryFacts(options.sources.directory);
  const unknown: string[] = [];
  for await (const candidate of resolveAudience(job.tenantId, audience, options.sources, (upn) =>
    unknown.push(upn),
  )) {
    await push(
      row(candidate, skipReason(candidate, disabled), languages.get(candidate.userId.toLowerCase())),
    );
  }
  for (const upn of unknown) {
    await push({ userId: `upn:${upn}`, upn, displayName: upn, state: "skipped", reason: "unknownUser" });
  }
  await flush();
}

async function eachParentRow(
  ledger: BroadcastLedger,
  parentJobId: string,
  visit: (row: Delivery) => Promise<void>,
): Promise<void> {
  let after = 0;
  for (;;) {
    const page = await ledger.page(parentJobId, after, 200);
    for (const row of page) {
      after = row.seq;
      await visit(row);
    }
    if (page.length < 200) {
      return;
    }
  }
}

async function prepareFollowUp(
  job: BroadcastJob,
  parentJobId: string,
  options: PrepareOptions,
  push: (delivery: NewDelivery) => Promise<void>,
): Promise<void> {
  let after = 0;
  for (;;) {
    const page = await options.ledger.page(parentJobId, after, 200);
    for (const previous of page) {
      after = previous.seq;
      if (previous.state !== "sent") {
        continue;
      }
      const verdict = options.assess
        ? await options.assess(job.tenantId, previous.userId).catch(() => undefined)
        : undefined;
      const base = {
        userId: previous.userId,
        upn: previous.upn,
        displayName: previous.displayName,
        ...(previous.locale === undefined ? {} : { locale: previous.locale }),
      };
      if (verdict === undefined) {
        await push({ ...base, state: "skipped", reason: "notAssessed" });
      } else if (verdict.mfaReady) {
        await push({ ...base, personal: personalCode(verdict), state: "skipped", reason: "nowReady" });
      } else {
        await push({ ...base, personal: personalCode(verdict) });
      }
    }
    if (page.length < 200) {
      return;
    }
  }
}
