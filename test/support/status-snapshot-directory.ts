import { readFileSync } from "node:fs";
import path from "node:path";

import type { Directory, TimeWindow } from "../../src/directory/directory";
import { DirectoryError } from "../../src/directory/errors";
import type { AuthenticationMethodsPolicy, TenantSnapshot } from "../../src/directory/graph-types";
import { snapshotFacts } from "../../src/directory/snapshot-facts";
import type { UserFacts } from "../../src/domain/facts";

export const STATUS_FIXTURE = path.join(__dirname, "..", "fixtures", "graph", "status-contoso.json");

export function loadStatusFixture(): TenantSnapshot {
  return JSON.parse(readFileSync(STATUS_FIXTURE, "utf8")) as TenantSnapshot;
}

/**
 * An in-memory Directory over a Graph-shaped snapshot, for unit tests of the status feature: counts its
 * calls and lets a test make the next call fail or hang.
 */
export class SnapshotDirectory implements Pick<Directory, "getUserFacts" | "getMethodsPolicy"> {
  calls = { getUserFacts: 0, getMethodsPolicy: 0 };
  windows: TimeWindow[] = [];
  /** Thrown (or awaited) by the next getUserFacts calls while set. */
  failWith?: Error;
  delayMs = 0;
  /** The signal of each getUserFacts call (the status service cancels a read past its deadline). */
  signals: Array<AbortSignal | undefined> = [];

  constructor(public snapshot: TenantSnapshot = loadStatusFixture()) {}

  async getUserFacts(
    userId: string,
    window: TimeWindow,
    options: { signal?: AbortSignal } = {},
  ): Promise<UserFacts> {
    this.calls.getUserFacts += 1;
    this.windows.push(window);
    this.signals.push(options.signal);
    if (this.delayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    }
    if (this.failWith !== undefined) {
      throw this.failWith;
    }
    for (const facts of snapshotFacts(this.snapshot).users()) {
      if (facts.user.id.toLowerCase() === userId.toLowerCase()) {
        return facts;
      }
    }
    throw new DirectoryError("notFound", `Graph answered 404 for /users/${userId}.`, { status: 404 });
  }

  async getMethodsPolicy(): Promise<AuthenticationMethodsPolicy> {
    this.calls.getMethodsPolicy += 1;
    if (this.snapshot.authenticationMethodsPolicy === undefined) {
      throw new DirectoryError("forbidden", "Graph answered 403.", {
        status: 403,
        permission: "Policy.Read.All",
      });
    }
    return this.snapshot.authenticationMethodsPolicy;
  }
}
