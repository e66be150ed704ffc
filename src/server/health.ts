import type { PermissionsHealth } from "../directory/permission-probe";

/** What a directory probe reports: whether Graph answers, and which permissions the app lacks, if known. */
export interface DirectoryHealth {
  reachable: boolean;
  /**
   * Graph mode: the token's roles against what each feature needs ({missing, requiredMissing, checkedAt}),
   * once known; demo mode: "simulator" (its token carries no roles, it checks none).
   */
  permissions?: string | PermissionsHealth;
  problem?: string;
}

export interface HealthChecks {
  name: string;
  version: string;
  mode: "demo" | "graph";
  startedAt: number;
  now: () => number;
  /** Where the stores live: embedded SQLite, or Azure Storage shared by the instances. */
  storageKind?: "sqlite" | "azure";
  storage: () => boolean | Promise<boolean>;
  /** Unset: no directory wired (reported as not reachable, with the reason). */
  directory?: () => Promise<DirectoryHealth>;
}

export interface HealthReport {
  status: "ok" | "degraded";
  name: string;
  version: string;
  mode: "demo" | "graph";
  uptimeSeconds: number;
  storage: { kind: "sqlite" | "azure"; reachable: boolean };
  directory: DirectoryHealth;
}

/** A probe that throws counts as "not reachable", with its reason: /healthz itself never fails. */
async function probe<T>(check: () => T | Promise<T>, onError: (reason: string) => T): Promise<T> {
  try {
    return await check();
  } catch (error) {
    return onError(error instanceof Error ? error.message : String(error));
  }
}

export async function checkHealth(checks: HealthChecks): Promise<HealthReport> {
  const [storage, directory] = await Promise.all([
    probe(checks.storage, () => false),
    checks.directory
      ? probe(checks.directory, (problem) => ({ reachable: false, problem }))
      : Promise.resolve<DirectoryHealth>({ reachable: false, problem: "no directory configured" }),
  ]);
  return {
    status: storage && directory.reachable ? "ok" : "degraded",
    name: checks.name,
    version: checks.version,
    mode: checks.mode,
    uptimeSeconds: Math.round((checks.now() - checks.startedAt) / 1000),
    storage: { kind: checks.storageKind ?? "sqlite", reachable: storage },
    directory,
  };
}
