import { readFileSync } from "node:fs";

import type { TenantSnapshot } from "../../src/directory/graph-types";
import { CONTOSO_SMALL } from "./shared-examples";

/** shared/examples/contoso-small.json, the reference snapshot (shared/ lies beside the repository). */
export function contosoSmall(): TenantSnapshot {
  return JSON.parse(readFileSync(CONTOSO_SMALL, "utf8")) as TenantSnapshot;
}

/** A copy without some keys: data the tenant cannot give. */
export function without(snapshot: TenantSnapshot, ...keys: Array<keyof TenantSnapshot>): TenantSnapshot {
  const copy = structuredClone(snapshot);
  for (const key of keys) {
    delete copy[key];
  }
  return copy;
}

/** A clock a test moves by hand. */
export function manualClock(start = Date.parse("2026-11-20T09:00:00Z")) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}
