import { randomUUID } from "node:crypto";

import { renderView } from "../../cards/view";
import { ENGLISH, type Locale } from "../../domain/language";
import type { Logger } from "../../logger";
import type { Messenger, SentCard } from "../messaging/messenger";
import { reportNotices } from "./report-notices";
import { reportTexts } from "./report-texts";
import { type ReportView, reportViews } from "./report-views";
import type { RunningScan } from "./scan-service";

export interface ScanWatchersOptions {
  messenger: Pick<Messenger, "updateCard">;
  /** Whether a watcher gets "Stop the daily report" rather than "Send me this daily". */
  isSubscribed(tenantId: string, userId: string): Promise<boolean>;
  logger: Logger;
  clock?: () => Date;
  /** How often the progress cards are refreshed. Default 3 s (Teams shows "updated" without flicker). */
  intervalMs?: number;
}

interface Watcher {
  sent: SentCard;
  userId: string;
  joined: boolean;
  /** The watcher's language: each card is written for them (English when absent). */
  locale?: Locale;
}

/**
 * The progress cards of running scans: every few seconds each is updated in place (users read, percent,
 * time left), and when the scan ends each turns into the report, or says it was canceled or failed.
 */
export class ScanWatchers {
  private readonly scans = new Map<
    string,
    { watchers: Watcher[]; timer: NodeJS.Timeout; canceledBy?: string | undefined }
  >();
  private readonly clock: () => Date;

  constructor(private readonly options: ScanWatchersOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Who canceled (their Teams name; undefined: "an admin"), for the other watchers' cards. */
  noteCancel(scanId: string, by: string | undefined): void {
    const entry = this.scans.get(scanId);
    if (entry !== undefined) {
      entry.canceledBy = by;
    }
  }

  watch(scan: RunningScan, watcher: Watcher): void {
    let entry = this.scans.get(scan.id);
    if (entry === undefined) {
      const timer = setInterval(() => void this.tick(scan), this.options.intervalMs ?? 3_000);
      entry = { watchers: [], timer };
      this.scans.set(scan.id, entry);
      const finish = () => void this.finish(scan);
      scan.done.then(finish, finish);
    }
    entry.watchers.push(watcher);
  }

  private async tick(scan: RunningScan): Promise<void> {
    const entry = this.scans.get(scan.id);
    if (entry === undefined) {
      return;
    }
    const now = this.clock();
    await Promise.all(
      entry.watchers.map((watcher) =>
        this.update(
          watcher,
          reportViews.progress(
            scan.id,
            scan.progress,
            { now, joined: watcher.joined },
            reportTexts(watcher.locale),
          ),
        ),
      ),
    );
  }

  private async finish(scan: RunningScan): Promise<void> {
    const entry = this.scans.get(scan.id);
    if (entry === undefined) {
      return;
    }
    clearInterval(entry.timer);
    this.scans.delete(scan.id);
    const outcome = await scan.done.then(
      (record) => ({ record }),
      () => ({ record: undefined }),
    );
    const reference = randomUUID().slice(0, 8);
    for (const watcher of entry.watchers) {
      const record = outcome.record;
      const texts = reportTexts(watcher.locale);
      const notices = reportNotices(texts);
      const shown =
        record?.status === "completed"
          ? reportViews.report(
              record,
              {
                now: this.clock(),
                subscribed: await this.options.isSubscribed(scan.tenantId, watcher.userId),
              },
              texts,
            )
          : record?.status === "canceled"
            ? reportViews.notice(notices.canceled(entry.canceledBy))
            : reportViews.notice(notices.failed(reference));
      await this.update(watcher, shown);
    }
  }

  private async update(watcher: Watcher, shown: ReportView): Promise<void> {
    try {
      await this.options.messenger.updateCard(watcher.sent, renderView(shown, watcher.locale ?? ENGLISH));
    } catch (error) {
      // A card that cannot be updated (deleted, throttled) must not stop the scan or the other cards.
      this.options.logger.warn(
        { event: "report.cardNotUpdated", err: { message: (error as Error).message } },
        "progress card not updated",
      );
    }
  }

  close(): void {
    for (const entry of this.scans.values()) {
      clearInterval(entry.timer);
    }
    this.scans.clear();
  }
}
