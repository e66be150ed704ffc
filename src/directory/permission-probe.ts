import type { Logger } from "../logger";
import { checkPermissions } from "./permission-check";

/** The permission check as /healthz shows it: what the token lacks, and when that was read. */
export interface PermissionsHealth {
  /** Every application permission of FEATURE_PERMISSIONS the token lacks, each once (table order). */
  missing: string[];
  /** Those of them a required feature needs (the rest leave data gaps). */
  requiredMissing: string[];
  checkedAt: string;
}

export interface PermissionProbeOptions {
  /** The roles claim of the directory's Graph token; undefined when the token has none. */
  readRoles: () => Promise<readonly string[] | undefined>;
  logger: Logger;
  now?: () => number;
  /** A known answer is read again at most this often. Default 10 minutes. */
  refreshMs?: number;
  /** After a failed read (no token), the next try. Default 1 minute. */
  retryMs?: number;
  /** How long current() waits for a read in progress before answering with what it knows. Default 2 s. */
  timeoutMs?: number;
}

/**
 * The token's roles compared with what each feature needs, read once at start and then at most every
 * 10 minutes, so /healthz can say which permissions are missing without a token round trip per probe
 * and without ever waiting longer than a short timeout for one.
 */
export class PermissionProbe {
  private known: PermissionsHealth | undefined;
  private running: Promise<void> | undefined;
  private nextReadAt = 0;
  private readonly now: () => number;

  constructor(private readonly options: PermissionProbeOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Starts the first read (at start-up), without waiting for it. */
  start(): void {
    this.refresh();
  }

  /** The last known answer; a due read is started and awaited for at most timeoutMs. */
  async current(): Promise<PermissionsHealth | undefined> {
    if (this.now() >= this.nextReadAt) {
      this.refresh();
    }
    if (this.running !== undefined) {
      await bounded(this.running, this.options.timeoutMs ?? 2_000);
    }
    return this.known;
  }

  private refresh(): void {
    if (this.running !== undefined) {
      return;
    }
    this.running = this.read().finally(() => {
      this.running = undefined;
    });
  }

  private async read(): Promise<void> {
    try {
      const report = checkPermissions(await this.options.readRoles());
      const missing = [...new Set(report.features.flatMap((check) => check.missing))];
      this.known = {
        missing,
        requiredMissing: report.requiredMissing,
        checkedAt: new Date(this.now()).toISOString(),
      };
      this.nextReadAt = this.now() + (this.options.refreshMs ?? 600_000);
    } catch (error) {
      // The credential's message says what failed; it holds no secret. The last known answer stays.
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      this.options.logger.warn({ err: { message } }, "permission check failed: no Graph token");
      this.nextReadAt = this.now() + (this.options.retryMs ?? 60_000);
    }
  }
}

/** Resolves when `work` settles or after `ms`, whichever is first; never rejects. */
function bounded(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
