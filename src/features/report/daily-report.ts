import { renderView } from "../../cards/view";
import type { Locale } from "../../domain/language";
import { recipientLocale } from "../../i18n/locale";
import type { Logger } from "../../logger";
import type { Authorizer } from "../authz/authorize";
import type { ConversationReferenceStore } from "../messaging/conversation-reference-store";
import type { Messenger } from "../messaging/messenger";
import type { ScheduledJob, Scheduler } from "../scheduler/scheduler";
import type { ReportSubscriptionStore } from "./report-subscription-store";
import { reportTexts } from "./report-texts";
import { reportViews } from "./report-views";
import type { ScanService } from "./scan-service";

export const DAILY_REPORT_JOB = "report.daily";

/** The next HH:MM (UTC) strictly after `now`. */
export function nextDailyRun(now: Date, dailyAt: string): Date {
  const [hours, minutes] = dailyAt.split(":").map(Number) as [number, number];
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hours, minutes));
  if (next.getTime() <= now.getTime()) {
    next.setUTCDate(next.getUTCDate() + 1);
  }
  return next;
}

export interface DailyReportOptions {
  dailyAt?: string;
  scheduler: Scheduler;
  subscriptions: ReportSubscriptionStore;
  scans: ScanService;
  messenger: Pick<Messenger, "sendCard">;
  /** Each subscriber's stored conversation reference keeps their client's language. */
  conversationReferences: Pick<ConversationReferenceStore, "get">;
  /** The tenant's DEFAULT_LOCALE and TIME_ZONE, for a subscriber whose reference names no language. */
  locale: { defaultLocale?: string | undefined; timeZone?: string | undefined };
  authz: Authorizer;
  logger: Logger;
  now: () => Date;
}

/**
 * "Send me this daily": subscriptions per admin, and one scheduled scan per tenant while anyone is
 * subscribed. Each run scans fresh, sends the summary to every subscriber the permissions table still
 * allows (roles read then, not when they subscribed; each answer audited), and books the next day.
 */
export class DailyReport {
  constructor(private readonly options: DailyReportOptions) {
    options.scheduler.on(DAILY_REPORT_JOB, (job) => this.run(job));
  }

  get enabled(): boolean {
    return this.options.dailyAt !== undefined;
  }

  get dailyAt(): string | undefined {
    return this.options.dailyAt;
  }

  isSubscribed(tenantId: string, userId: string): Promise<boolean> {
    return this.options.subscriptions.has(tenantId, userId);
  }

  async subscribe(tenantId: string, userId: string, userName?: string): Promise<void> {
    await this.options.subscriptions.add({
      tenantId,
      userId,
      userName,
      subscribedAt: this.options.now().toISOString(),
    });
    await this.book(tenantId);
  }

  async unsubscribe(tenantId: string, userId: string): Promise<void> {
    await this.options.subscriptions.remove(tenantId, userId);
    if ((await this.options.subscriptions.list(tenantId)).length === 0) {
      await this.options.scheduler.cancel(DAILY_REPORT_JOB, tenantId.toLowerCase());
    }
  }

  private async book(tenantId: string): Promise<void> {
    const runAt = nextDailyRun(this.options.now(), this.options.dailyAt!);
    await this.options.scheduler.schedule({
      kind: DAILY_REPORT_JOB,
      key: tenantId.toLowerCase(),
      tenantId: tenantId.toLowerCase(),
      runAt: runAt.toISOString(),
      payload: {},
    });
  }

  /** The subscriber's language: their stored conversation reference's locale, else the tenant's default. */
  private async localeOf(tenantId: string, userId: string): Promise<Locale> {
    const reference = await this.options.conversationReferences.get(tenantId, userId);
    return recipientLocale({ referenceLocale: reference?.reference.locale, ...this.options.locale });
  }

  private async run(job: ScheduledJob): Promise<void> {
    const { tenantId } = job;
    const log = this.options.logger.child({ event: "report.daily", tenantId });
    const subscribers = await this.options.subscriptions.list(tenantId);
    if (subscribers.length === 0 || !this.enabled) {
      return;
    }
    const started = await this.options.scans.start(tenantId, { fresh: true, requestedBy: "daily" });
    const scan = started.kind === "cached" ? started.scan : await started.scan.done;
    let sent = 0;
    for (const subscriber of subscribers) {
      const reader = {
        tenantId,
        userId: subscriber.userId,
        ...(subscriber.userName ? { name: subscriber.userName } : {}),
      };
      const allowed = await this.options.authz.authorize(reader, "readinessReport", { step: "daily" });
      if (!allowed.allowed) {
        log.info(
          { userId: subscriber.userId },
          "subscriber no longer holds a role that may read the report: not sent",
        );
        continue;
      }
      if (scan.status !== "completed") {
        continue;
      }
      try {
        const locale = await this.localeOf(tenantId, subscriber.userId);
        const texts = reportTexts(locale);
        const shown = reportViews.report(
          scan,
          { now: this.options.now(), subscribed: true, daily: true },
          texts,
        );
        await this.options.messenger.sendCard(tenantId, subscriber.userId, renderView(shown, locale), {
          summary: texts.t("report.dailyHeadline"),
        });
        sent += 1;
      } catch (error) {
        // One unreachable admin (blocked the bot, uninstalled it) must not cost the others their report.
        log.warn(
          {
            userId: subscriber.userId,
            err: { name: (error as Error).name, message: (error as Error).message },
          },
          "daily report not delivered",
        );
      }
    }
    log.info(
      { subscribers: subscribers.length, sent, scanId: scan.id, status: scan.status },
      "daily report sent",
    );
    await this.book(tenantId);
  }
}
