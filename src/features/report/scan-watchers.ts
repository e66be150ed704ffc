import { randomUUID } from "node:crypto";

import type { Logger } from "../../logger";
import type { Messenger, SentCard } from "../messaging/messenger";
import { reportCards } from "./report-cards";
import { reportNotices } from "./report-notices";
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
}

/**
 * The progress cards of running scans: every few seconds each is updated in place (users read, percent,
 * time left), and when the scan ends each turns into the report, or says it was canceled or failed.
 */
export class ScanWatchers {
  private readonly scans = new Map<
    string,
    { watchers: Watcher[]; timer: NodeJS.Timeout; canceledBy?: string }
  >();
  private readonly clock: () => Date;

  constructor(private readonly options: ScanWatchersOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Who canceled, for the other watchers' cards. */
  noteCancel(scanId: string, by: string): void {
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
        this.update(watcher.sent, reportCards.progress(scan.id, scan.progress, now, watcher.joined)),
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
      const card =
        record?.status === "completed"
          ? reportCards.report(record, {
              now: this.clock(),
              subscribed: await this.options.isSubscribed(scan.tenantId, watcher.userId),
            })
          : record?.status === "canceled"
            ? reportCards.notice(reportNotices.canceled(entry.canceledBy ?? "An admin"))
            : reportCards.notice(reportNotices.failed(reference));
      await this.update(watcher.sent, card);
    }
  }

  private async update(sent: SentCard, card: Parameters<Messenger["updateCard"]>[1]): Promise<void> {
    try {
      await this.options.messenger.updateCard(sent, card);
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
