import type { DeliveryTotals } from "../src/domain/broadcast";
import type { ProductStores } from "../src/product-stores";
import { openAzureStores } from "../src/storage/azure";
import { BENCH_TENANT, conversationOf } from "./broadcast-fixture";

/** What a scale-out worker is told: the shared account, the connector, the job, the pace. */
export interface ScaleOutWorkerArgs {
  connectionString: string;
  prefix: string;
  serviceUrl: string;
  jobId: string;
  /** More jobs of the same tenant the worker waits for (it exits when all are done). */
  moreJobIds?: string[];
  /** The job this worker tries first, before it looks for any (tests: two instances start on two jobs). */
  startWith?: string;
  users: number;
  rps: number;
  leaseMs: number;
  resumeEveryMs: number;
}

export interface ScaleOutWorkerMessage {
  /** This worker holds the job and sends. */
  sending?: boolean;
  done?: boolean;
  totals?: DeliveryTotals;
  /** Totals of moreJobIds, in order. */
  moreTotals?: DeliveryTotals[];
  /** Rows this worker marked "sending" (it sent them). */
  marked?: number;
  /** Store operation latencies seen by this worker, ms. */
  latencies?: number[];
}

const userId = (i: number) => `c0000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

export const openShared = (
  args: Pick<ScaleOutWorkerArgs, "connectionString" | "prefix">,
): Promise<ProductStores> =>
  openAzureStores({ kind: "azure", prefix: args.prefix, connectionString: args.connectionString });

/** A stored chat for every user (as installs would leave them), 64 writes at a time. */
export async function seedAzureConversations(
  stores: ProductStores,
  users: number,
  serviceUrl: string,
): Promise<void> {
  for (let i = 1; i <= users; i += 64) {
    const batch = [];
    for (let j = i; j < Math.min(users + 1, i + 64); j++) {
      batch.push(
        stores.conversationReferences.save({
          tenantId: BENCH_TENANT,
          userId: userId(j),
          conversationId: conversationOf(j),
          serviceUrl,
          reference: {},
          updatedAt: "2026-11-20T00:00:00Z",
        }),
      );
    }
    await Promise.all(batch);
  }
}

/** Wraps every method of a store so each call's duration is recorded (the figures' store latency), and counted by name. */
export function timed<T extends object>(store: T, latencies: number[], calls?: Map<string, number>): T {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") {
        return value;
      }
      return (...args: unknown[]) => {
        calls?.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        const started = performance.now();
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) {
          return result.finally(() => latencies.push(performance.now() - started));
        }
        return result;
      };
    },
  });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) {
    return 0;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
