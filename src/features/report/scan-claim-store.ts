import type { ScanClaim } from "../../domain/scan-claim";

/** One running scan per tenant across processes: claimed before it starts, renewed while it runs. */
export interface ScanClaimStore {
  /** Claims the tenant for `scanId` unless another owner's claim is live: then that claim. */
  claim(
    tenantId: string,
    scanId: string,
    owner: string,
    now: number,
    ttlMs: number,
    progress: Record<string, unknown>,
  ): Promise<{ won: true } | { won: false; current: ScanClaim }>;
  /** The holder renews its claim and publishes progress; false when it no longer holds it. */
  renew(
    tenantId: string,
    scanId: string,
    owner: string,
    now: number,
    ttlMs: number,
    progress: Record<string, unknown>,
  ): Promise<boolean>;
  release(tenantId: string, scanId: string, owner: string): Promise<void>;
  /** The live claim of a tenant, if any. */
  current(tenantId: string, now: number): Promise<ScanClaim | undefined>;
}
