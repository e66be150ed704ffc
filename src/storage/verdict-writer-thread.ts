import path from "node:path";
import type { Worker } from "node:worker_threads";

import { startThread } from "./start-thread";
import type { EncodedVerdictRows } from "./verdict-insert";

/** Batches handed over and not yet committed before append waits: bounds what a slow disk makes us hold. */
const IN_FLIGHT_MAX = 8;

// The .ts beside this file under tsx, the .js once built.
const WORKER_FILE = path.join(__dirname, `verdict-writer-worker${path.extname(__filename)}`);

/** The thread holds a batch or two of strings at a time: a small young generation is plenty. */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 4 };

interface Batch {
  scanId: string;
  done: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Writes a scan's verdict rows on a thread of its own, with its own connection to the database file, so
 * the SQLite work of a large tenant's scan (a third of the main thread's time per user, measured) runs
 * beside the next Graph page instead of before it. Rows arrive already encoded; a batch that cannot be
 * committed is remembered against its scan, which then cannot complete.
 */
export class VerdictWriterThread {
  private worker?: Worker;
  private nextId = 0;
  private readonly inFlight = new Map<number, Batch>();
  private readonly failures = new Map<string, Error>();

  constructor(private readonly file: string) {}

  /** Starts the thread ahead of the first batch (its start-up then overlaps the scan's first reads). */
  open(): void {
    this.start();
  }

  /** Hands a batch to the thread; waits only while too many are still being written. */
  async append(scanId: string, rows: EncodedVerdictRows): Promise<void> {
    const failure = this.failures.get(scanId);
    if (failure !== undefined) {
      throw failure;
    }
    const worker = this.start();
    const id = this.nextId++;
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const done = new Promise<void>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    // A failure is reported through failureOf, not as an unhandled rejection.
    done.catch(() => undefined);
    this.inFlight.set(id, { scanId, done, resolve, reject });
    worker.ref();
    worker.postMessage({ id, scanId, rows });
    while (this.inFlight.size > IN_FLIGHT_MAX) {
      await this.inFlight
        .values()
        .next()
        .value!.done.catch(() => undefined);
    }
  }

  /** Waits until every batch handed over is committed or failed; the scan's failure, if any. */
  async failureOf(scanId: string): Promise<Error | undefined> {
    await Promise.all([...this.inFlight.values()].map((batch) => batch.done.catch(() => undefined)));
    return this.failures.get(scanId);
  }

  /** Forgets a finished scan's failure; stops the thread when no batch is left to write. */
  async release(scanId: string, stop: boolean): Promise<void> {
    await this.failureOf(scanId);
    this.failures.delete(scanId);
    if (stop && this.inFlight.size === 0 && this.worker !== undefined) {
      const worker = this.worker;
      this.worker = undefined;
      await worker.terminate();
    }
  }

  private start(): Worker {
    if (this.worker !== undefined) {
      return this.worker;
    }
    const worker = startThread(WORKER_FILE, {
      workerData: { file: this.file },
      resourceLimits: RESOURCE_LIMITS,
    });
    worker.unref();
    worker.on("message", (answer: { id: number; error?: string }) => {
      const batch = this.inFlight.get(answer.id);
      this.inFlight.delete(answer.id);
      if (this.inFlight.size === 0) {
        // Idle, the thread must not keep the process alive.
        worker.unref();
      }
      if (batch === undefined) {
        return;
      }
      if (answer.error === undefined) {
        batch.resolve();
      } else {
        this.fail(batch, new Error(`verdict rows not stored: ${answer.error}`));
      }
    });
    const lost = (error: Error) => {
      if (this.worker === worker) {
        this.worker = undefined;
      }
      for (const [id, batch] of this.inFlight) {
        this.inFlight.delete(id);
        this.fail(batch, error);
      }
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`verdict writer thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private fail(batch: Batch, error: Error): void {
    if (!this.failures.has(batch.scanId)) {
      this.failures.set(batch.scanId, error);
    }
    batch.reject(error);
  }
}
