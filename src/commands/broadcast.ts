import { createHash } from "node:crypto";
import { userInfo } from "node:os";

import { createBroadcastConnector } from "../bot/broadcast-connector";
import { loadEnvFiles, readConfig } from "../config";
import { assessTenant } from "../domain/assess-tenant";
import type { BroadcastContent } from "../domain/broadcast";
import type { VerdictSource } from "../features/broadcast/audience";
import { cliTotals } from "../features/broadcast/cli-totals";
import { validateCompose } from "../features/broadcast/compose";
import { auditFinished } from "../features/broadcast/create-broadcast-feature";
import { createBroadcastEngine } from "../features/broadcast/create-engine";
import { deliveryReportCsv } from "../features/broadcast/delivery-report";
import { personalLine } from "../features/broadcast/personal-line";
import { countAudience } from "../features/broadcast/preview";
import { scanWithLiveReads } from "../features/broadcast/scan-verdicts";
import { translator } from "../i18n/i18n";
import { languageOf } from "../i18n/locale";
import { createLogger } from "../logger";
import { openDirectory } from "../open-directory";
import { openStores } from "../open-stores";
import { readLiveTenant } from "./assess-live";
import { composeInput, parse, USAGE } from "./broadcast-args";
import { cancelScheduled, scheduleSend } from "./broadcast-schedule";
import { type Command, type CommandIo, UsageError } from "./command";

const jobIdOf = (tenantId: string, content: BroadcastContent) =>
  `cli-${createHash("sha256")
    .update(JSON.stringify([tenantId, content]))
    .digest("hex")
    .slice(0, 20)}`;

async function run(args: string[], io: CommandIo): Promise<number> {
  const values = parse(args);
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = readConfig(loadEnvFiles(io.env));
  // What the command prints is for the operator: --lang, else the tenant's DEFAULT_LOCALE, else English.
  const language =
    values.lang === undefined ? languageOf(config.locale.defaultLocale) : languageOf(values.lang);
  if (values.lang !== undefined && language === undefined) {
    throw new UsageError(`unknown --lang "${values.lang}": use en, de, fr, es or ja`);
  }
  const t = translator(language ?? "en");
  const logger = createLogger({
    level: config.logLevel === "info" ? "warn" : config.logLevel,
    destination: io.stderr,
  });
  // The stores the service uses (SQLite, or with STORAGE=azure the shared account): a job sent from
  // the command line is one the bot instances see, and its lease keeps them from sending it too.
  const stores = await openStores(config);
  const jobs = stores.broadcastJobs;
  const ledger = stores.broadcastLedger;
  if (values.cancel) {
    try {
      return await cancelScheduled(values.cancel, values.operator ?? userInfo().username, stores, io, t);
    } finally {
      stores.close();
    }
  }
  if (values.report) {
    for await (const chunk of deliveryReportCsv(ledger, values.report, t)) {
      io.stdout.write(chunk);
    }
    stores.close();
    return 0;
  }
  const composed = validateCompose(composeInput(values), {
    now: new Date(),
    timeZone: config.locale.timeZone,
  });
  if (!composed.ok) {
    stores.close();
    throw new UsageError(composed.problems.join(" "));
  }
  const content = composed.content;
  const handle = await openDirectory(config, logger);
  try {
    const directory = handle.directory!;
    const tenantId = (config.directory.tenantId ?? handle.status?.tenantId ?? "").toLowerCase();
    // The latest readiness scan when there is one; else a fresh assessment of the tenant.
    const verdicts: VerdictSource = {
      async latest(tenant) {
        const scan = await stores.reportScans.latestCompleted(tenant);
        if (scan) {
          return scanWithLiveReads(
            scan,
            () => stores.reportScans.verdicts(scan.id),
            stores.liveMethods,
            tenant,
          );
        }
        const live = await readLiveTenant(io);
        return {
          scanId: "live",
          verdicts: async function* () {
            yield* assessTenant(live.input, { lookbackDays: live.lookbackDays });
          },
        };
      },
    };
    const sources = { verdicts, directory };
    if (values["dry-run"]) {
      const count = await countAudience(tenantId, content, sources);
      const unknown = count.unknownUpns.length;
      const listed = unknown ? ` (${count.unknownUpns.slice(0, 20).join(", ")})` : "";
      io.stdout.write(
        `${t("broadcast.cli.dryRun", {
          audience: content.audience.kind,
          recipients: count.recipients,
          skipped: JSON.stringify(count.skippedByReason),
          unknown,
        })}${listed}\n`,
      );
      const upn = count.sample?.upn ?? t("broadcast.cli.nobody");
      const body = content.message.split("\n").join("\n  ");
      io.stdout.write(
        `${t("broadcast.cli.sample", { upn })}\n  ${content.title}\n  ${body}\n  ${personalLine(count.sample?.verdict, t) ?? ""}\n`,
      );
      return 0;
    }
    const operator = values.operator ?? userInfo().username;
    const jobId = values["job-id"] ?? jobIdOf(tenantId, content);
    if (content.sendAt) {
      return await scheduleSend(
        { jobId, tenantId, content, operator, timeZone: config.locale.timeZone },
        stores,
        io,
        t,
      );
    }
    const { created } = await jobs.createJob({
      id: jobId,
      tenantId,
      content,
      authorId: `cli:${operator}`,
      authorName: operator,
      origin: "cli",
      createdAt: new Date().toISOString(),
    });
    if (created) {
      await stores.auditLog.record({
        tenantId,
        actorId: `cli:${operator}`,
        actorName: operator,
        action: "broadcast.started",
        subjectId: jobId,
        subjectName: content.title,
        outcome: "success",
        detail: { audience: content.audience.kind, origin: "cli" },
      });
    }
    const begun = { jobId, audience: content.audience.kind, rps: config.teams.tenantRps };
    io.stdout.write(`${t(created ? "broadcast.cli.started" : "broadcast.cli.resuming", begun)}\n`);
    const started = Date.now();
    const sentAtStart = (await ledger.totals(jobId)).sent;
    let interrupted = false;
    const runner = createBroadcastEngine({
      jobs,
      ledger,
      conversationReferences: stores.conversationReferences,
      directory,
      verdicts,
      transport: createBroadcastConnector({ bot: config.bot, timeoutMs: config.directory.timeoutMs }),
      teamsAppId: config.teams.appId,
      serviceUrl: config.teams.serviceUrl,
      tenantRps: config.teams.tenantRps,
      logger,
      owner: `cli-${process.pid}`,
      senderName: () => undefined,
      defaultLocale: config.locale.defaultLocale,
      timeZone: config.locale.timeZone,
      progressEveryMs: 2_000,
      onProgress: async (job, progress) => {
        const totals = progress.totals;
        const line = t("broadcast.cli.progress", {
          ...totals,
          pending: totals.pending + totals.sending,
          rate: progress.ratePerSecond.toFixed(1),
          state: t(`broadcast.cli.state.${job.state}`),
        });
        io.stdout.write(`${line}\n`);
      },
      onFinished: (job, progress) =>
        auditFinished(stores.auditLog, job, progress, (Date.now() - started) / 1000),
    });
    const stop = () => {
      interrupted = true;
      void runner.stopAll();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    let end = await runner.run(jobId);
    // Another process holds the lease (or held it when it died): wait for it to lapse.
    while (end === "stopped" && !interrupted && !(await jobs.getJob(jobId))?.finishedAt) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      end = await runner.run(jobId);
    }
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    const job = (await jobs.getJob(jobId))!;
    const totals = await ledger.totals(jobId);
    io.stdout.write(
      `${JSON.stringify(cliTotals(jobId, job.state, totals, Date.now() - started, totals.sent - sentAtStart))}\n`,
    );
    return job.state === "done" ? 0 : 1;
  } finally {
    await handle.close();
    stores.close();
  }
}

export const command: Command = {
  summary: "send a broadcast from the command line (durable, throttled, resumable)",
  run,
};
