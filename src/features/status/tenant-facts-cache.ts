import type { Directory } from "../../directory/directory";
import { DirectoryError } from "../../directory/errors";
import type { AuthenticationMethodsPolicy, ProductTenantSettings } from "../../directory/graph-types";
import { type PreparedTenant, prepareTenant } from "../../domain/assess";
import type { DataGap } from "../../domain/facts";

export interface TenantFactsCacheOptions {
  directory: Pick<Directory, "getMethodsPolicy">;
  settings: ProductTenantSettings;
  ttlMs: number;
  /** A policy that could not be read is retried sooner than a good one expires. */
  failedTtlMs?: number;
  clock: () => Date;
}

/**
 * The tenant-wide half of an assessment (method policy + settings), read once and shared by every
 * user's check. A policy that cannot be read is a data gap, not a failed check: the engine then counts
 * methods without it and says so.
 */
export class TenantFactsCache {
  private current?: { tenant: PreparedTenant; expiresAt: number };
  private loading?: Promise<PreparedTenant>;

  constructor(private readonly options: TenantFactsCacheOptions) {}

  get(): Promise<PreparedTenant> {
    const now = this.options.clock().getTime();
    if (this.current !== undefined && now < this.current.expiresAt) {
      return Promise.resolve(this.current.tenant);
    }
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<PreparedTenant> {
    let policy: AuthenticationMethodsPolicy | undefined;
    const dataGaps: DataGap[] = [];
    try {
      policy = await this.options.directory.getMethodsPolicy();
    } catch (error) {
      if (!(error instanceof DirectoryError)) {
        throw error;
      }
      dataGaps.push({ data: "policy", reason: error.reason, permission: error.permission });
    }
    const tenant = prepareTenant({ policy, settings: this.options.settings, dataGaps });
    const ttl = policy === undefined ? (this.options.failedTtlMs ?? 30_000) : this.options.ttlMs;
    this.current = { tenant, expiresAt: this.options.clock().getTime() + ttl };
    return tenant;
  }
}
