import type { TableClient } from "@azure/data-tables";

import type { ScanClaim } from "../../domain/scan-claim";
import { updateIf } from "./conditional-update";
import { deleteEntity, key, lostRace, readEntity } from "./tables";

interface Entity {
  scanId: string;
  owner: string;
  until: number;
  progress: string;
}

/** PartitionKey "claim", RowKey = tenant: one row per tenant, taken with a create (409 loses) or If-Match over a lapsed claim. */
const CLAIMS = "claim";

export class AzureScanClaimStore {
  constructor(private readonly table: TableClient) {}

  async claim(
    tenantId: string,
    scanId: string,
    owner: string,
    now: number,
    ttlMs: number,
    progress: Record<string, unknown>,
  ) {
    const rowKey = key(tenantId.toLowerCase());
    const entity: Entity = { scanId, owner, until: now + ttlMs, progress: JSON.stringify(progress) };
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const current = await readEntity<Entity>(this.table, CLAIMS, rowKey);
      try {
        if (current === undefined) {
          await this.table.createEntity({ partitionKey: CLAIMS, rowKey, ...entity });
          return { won: true } as const;
        }
        if (current.until >= now && current.owner !== owner) {
          return {
            won: false,
            current: {
              scanId: current.scanId,
              progress: JSON.parse(current.progress) as Record<string, unknown>,
            },
          } as const;
        }
        await this.table.updateEntity({ partitionKey: CLAIMS, rowKey, ...entity }, "Replace", {
          etag: current.etag,
        });
        return { won: true } as const;
      } catch (error) {
        if (!lostRace(error)) {
          throw error;
        }
      }
    }
    throw new Error(`scan claim for ${tenantId} kept changing`);
  }

  async renew(
    tenantId: string,
    scanId: string,
    owner: string,
    now: number,
    ttlMs: number,
    progress: Record<string, unknown>,
  ): Promise<boolean> {
    return updateIf<Entity>(this.table, CLAIMS, key(tenantId.toLowerCase()), (current) =>
      current.scanId === scanId && current.owner === owner
        ? { until: now + ttlMs, progress: JSON.stringify(progress) }
        : undefined,
    );
  }

  async release(tenantId: string, scanId: string, owner: string): Promise<void> {
    const current = await readEntity<Entity>(this.table, CLAIMS, key(tenantId.toLowerCase()));
    if (current?.scanId === scanId && current.owner === owner) {
      try {
        await deleteEntity(this.table, CLAIMS, key(tenantId.toLowerCase()), current.etag);
      } catch (error) {
        if (!lostRace(error)) {
          throw error;
        }
        // Someone took the lapsed claim over meanwhile: theirs stays.
      }
    }
  }

  async current(tenantId: string, now: number): Promise<ScanClaim | undefined> {
    const current = await readEntity<Entity>(this.table, CLAIMS, key(tenantId.toLowerCase()));
    return current && current.until >= now
      ? { scanId: current.scanId, progress: JSON.parse(current.progress) as Record<string, unknown> }
      : undefined;
  }
}
