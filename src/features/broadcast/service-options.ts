import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import type { Scheduler } from "../scheduler/scheduler";
import type { AudienceSources } from "./audience";
import type { BroadcastJobStore } from "./broadcast-job-store";
import type { BroadcastLedger } from "./broadcast-ledger";
import type { JobRunner } from "./job-runner";
import type { Assess } from "./prepare";

/** What the broadcast service and its steps (scheduling, reports, follow-ups, re-checks) work with. */
export interface BroadcastServiceOptions {
  /** Who may broadcast: the permissions table, roles read in Graph at each step. */
  authz: Authorizer;
  sources: AudienceSources;
  jobs: BroadcastJobStore;
  ledger: BroadcastLedger;
  runner: JobRunner;
  auditLog: AuditLog;
  scheduler?: Scheduler;
  /** Re-checks one user in Graph now (the status service): "Done: check me now" and reminders. */
  assess?: Assess;
  logger: Logger;
  now: () => Date;
  /** TIME_ZONE: "send at" is read and shown in it (UTC when absent). */
  timeZone?: string | undefined;
  /** For the delivery report's upload to Teams (OneDrive); global fetch when absent. */
  fetch?: typeof fetch;
}
