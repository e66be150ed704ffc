import { randomUUID } from "node:crypto";

import type { AdaptiveCardJson } from "../../cards/types";
import type { Directory } from "../../directory/directory";
import type { BroadcastJob, Delivery } from "../../domain/broadcast";
import { textsFor } from "../../i18n/i18n";
import { recipientLocale } from "../../i18n/locale";
import type { Logger } from "../../logger";
import { type Clock, systemClock } from "../../throttle";
import type { ConversationReferenceStore } from "../messaging/conversation-reference-store";
import type { VerdictSource } from "./audience";
import type { BroadcastJobStore } from "./broadcast-job-store";
import type { BroadcastLedger } from "./broadcast-ledger";
import { shownTitle } from "./content-labels";
import type { DispatchTuning } from "./dispatch-tuning";
import { JobRunner } from "./job-runner";
import { messageCardFactory } from "./message-card";
import { type Assess, prepareJob } from "./prepare";
import type { ProgressSnapshot } from "./progress";
import { createTargetResolver } from "./target-resolver";
import type { BroadcastTransport, SendTarget } from "./transport";

export interface BroadcastEngineOptions {
  jobs: BroadcastJobStore;
  ledger: BroadcastLedger;
  conversationReferences: Pick<ConversationReferenceStore, "get" | "save">;
  directory: Pick<Directory, "getUser" | "listGroupMembers" | "listUsers" | "installApp">;
  verdicts: VerdictSource;
  transport: BroadcastTransport;
  teamsAppId?: string;
  /** TEAMS_SERVICE_URL. */
  serviceUrl?: string;
  tenantRps: number;
  assess?: Assess;
  clock?: Clock;
  logger: Logger;
  owner?: string;
  /** Who the footer names: the author's display name; undefined: "your IT team" in the reader's language. */
  senderName?(job: BroadcastJob): string | undefined;
  /** DEFAULT_LOCALE and TIME_ZONE: a recipient no chat or Graph language speaks for reads the default. */
  defaultLocale?: string | undefined;
  timeZone?: string | undefined;
  onProgress?(job: BroadcastJob, progress: ProgressSnapshot): Promise<void>;
  onFinished?(job: BroadcastJob, progress: ProgressSnapshot): Promise<void>;
  tuning?: Partial<DispatchTuning>;
  leaseMs?: number;
  pollMs?: number;
  progressEveryMs?: number;
}

/** The broadcast engine from its ports: the same for the bot, the command line and the benchmark. */
export function createBroadcastEngine(options: BroadcastEngineOptions): JobRunner {
  const clock = options.clock ?? systemClock;
  // One rendered card per job and language: each recipient's frame is in their language.
  const factories = new Map<
    string,
    { card: (personal: string | undefined) => AdaptiveCardJson; summary: string }
  >();
  const cardFor = (job: BroadcastJob, delivery: Delivery, target: SendTarget) => {
    const locale = recipientLocale({
      referenceLocale: target.locale,
      preferredLanguage: delivery.locale,
      defaultLocale: options.defaultLocale,
      timeZone: options.timeZone,
    });
    const key = `${job.id}\u0000${locale.language}`;
    let factory = factories.get(key);
    if (!factory) {
      if (factories.size > 40) {
        factories.clear();
      }
      const sender = options.senderName ? options.senderName(job) : job.authorName;
      factory = {
        card: messageCardFactory(job.content, sender, { jobId: job.id, locale }),
        // The notification's line: the title as the recipient's card shows it.
        summary: shownTitle(job.content, textsFor(locale)),
      };
      factories.set(key, factory);
    }
    return { card: factory.card(delivery.personal), summary: factory.summary };
  };
  const targets = createTargetResolver({
    conversationReferences: options.conversationReferences,
    directory: options.directory,
    transport: options.transport,
    teamsAppId: options.teamsAppId,
    serviceUrl: options.serviceUrl,
    now: () => clock.now(),
  });
  return new JobRunner({
    jobs: options.jobs,
    ledger: options.ledger,
    transport: options.transport,
    clock,
    logger: options.logger.child({ component: "broadcast" }),
    tenantRps: options.tenantRps,
    owner: options.owner ?? `${process.pid}-${randomUUID().slice(0, 8)}`,
    readyTarget: targets.ready,
    resolveTarget: targets.contact,
    render: (job, delivery, target) => cardFor(job, delivery, target),
    prepare: (job) =>
      prepareJob(job, {
        ledger: options.ledger,
        sources: { verdicts: options.verdicts, directory: options.directory },
        assess: options.assess,
        now: () => new Date(clock.now()),
      }),
    onProgress: options.onProgress,
    onFinished: options.onFinished,
    tuning: options.tuning,
    leaseMs: options.leaseMs,
    pollMs: options.pollMs,
    progressEveryMs: options.progressEveryMs,
  });
}
