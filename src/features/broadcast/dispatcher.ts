import { setMaxListeners } from "node:events";

import type { BroadcastJob, Delivery } from "../../domain/broadcast";
import type { DispatchCounters, DispatchEnd, DispatcherOptions } from "./dispatch-options";
import { DEFAULT_DISPATCH_TUNING, type DispatchTuning } from "./dispatch-tuning";
import { RowDelivery } from "./row-delivery";
import type { SendTarget } from "./transport";

/**
 * Sends one job's pending rows, page by page from the ledger (memory stays flat), each through the
 * tenant limiter and its conversation's limiter. `shouldStop` is polled between sends: it reports a
 * pause, a cancel or a lost lease, which the caller learns from the store and its lease.
 */
export class Dispatcher {
  private readonly tuning: DispatchTuning;
  private readonly abort = new AbortController();
  private stopReason: DispatchEnd | undefined;
  private readonly rows: RowDelivery;

  constructor(private readonly options: DispatcherOptions) {
    this.tuning = { ...DEFAULT_DISPATCH_TUNING, ...options.tuning };
    // Every waiting send listens on this one signal.
    setMaxListeners(0, this.abort.signal);
    this.rows = new RowDelivery(options, this.tuning, {
      signal: this.abort.signal,
      stopped: () => this.stopReason !== undefined,
      pause: () => this.stop("paused"),
    });
  }

  /** This run's live counters (the progress card's rate). */
  get counters(): DispatchCounters {
    return this.rows.counters;
  }

  /** Stops taking rows; sends already at Teams finish and are recorded. */
  stop(reason: Exclude<DispatchEnd, "done">): void {
    if (this.stopReason === undefined) {
      this.stopReason = reason;
      this.abort.abort(new Error(`broadcast ${reason}`));
    }
  }

  /**
   * One pass reads the pending rows in order. A row with a chat goes to the send pool; one without goes
   * to the first-contact pool (installs are paced at 30/s, far below the send rate), or waits in a
   * bounded backlog for a slot there while the reader goes on to rows that are ready. Another pass picks
   * up rows a retry left pending.
   */
  async run(job: BroadcastJob): Promise<DispatchEnd> {
    const { ledger } = this.options;
    const sends = new Set<Promise<void>>();
    const contacts = new Set<Promise<void>>();
    const backlog: Delivery[] = [];
    const track = (pool: Set<Promise<void>>, work: Promise<void>, then?: () => void) => {
      const tracked: Promise<void> = work.finally(() => {
        pool.delete(tracked);
        then?.();
      });
      pool.add(tracked);
    };
    const startContact = (delivery: Delivery): void =>
      track(contacts, this.rows.deliverSafely(job, delivery, undefined), () => {
        const next = this.stopReason === undefined ? backlog.shift() : undefined;
        if (next) {
          startContact(next);
        }
      });
    const settle = async () => {
      while (sends.size + contacts.size > 0) {
        await Promise.race([...sends, ...contacts]);
      }
    };
    for (;;) {
      let after = 0;
      let seen = 0;
      for (;;) {
        const page = await ledger.pendingPage(job.id, after, this.tuning.pageSize);
        for (const delivery of page) {
          after = delivery.seq;
          if (this.stopReason !== undefined) {
            backlog.length = 0;
            await settle();
            return this.stopReason;
          }
          seen += 1;
          while (sends.size >= this.tuning.concurrency) {
            await Promise.race(sends);
          }
          while (backlog.length >= this.tuning.contactBacklog && this.stopReason === undefined) {
            await Promise.race(contacts);
          }
          // The chat is looked up in the send slot, as a send would: a row without one leaves the slot
          // at once for the first-contact pool (or its backlog), so it never holds back the next row.
          track(
            sends,
            this.sendOrHandOver(job, delivery, (row) =>
              contacts.size < this.tuning.contactConcurrency ? startContact(row) : backlog.push(row),
            ),
          );
        }
        if (page.length < this.tuning.pageSize) {
          break;
        }
      }
      await settle();
      backlog.length = 0;
      if (this.stopReason !== undefined) {
        return this.stopReason;
      }
      // Rows a retry put back (none normally): another pass; none left: done.
      if (seen === 0) {
        return "done";
      }
    }
  }

  private async sendOrHandOver(
    job: BroadcastJob,
    delivery: Delivery,
    handOver: (delivery: Delivery) => unknown,
  ): Promise<void> {
    if (this.options.readyTarget === undefined) {
      return this.rows.deliverSafely(job, delivery, undefined);
    }
    let ready: SendTarget | undefined;
    try {
      ready = await this.options.readyTarget(job.tenantId, delivery);
    } catch (error) {
      return this.rows
        .deliverSafely(job, delivery, undefined)
        .then(() =>
          this.options.logger.warn(
            { seq: delivery.seq, err: error instanceof Error ? error.message : String(error) },
            "stored chat lookup failed",
          ),
        );
    }
    if (ready === undefined) {
      handOver(delivery);
      return;
    }
    return this.rows.deliverSafely(job, delivery, ready);
  }
}
