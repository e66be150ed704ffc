import type { TableClient } from "@azure/data-tables";

import type { ApprovalCardRef, TapDecision, TapRequest, TapRequestStatus } from "../../domain/tap-request";
import type { ApprovalCardTable } from "./approval-cards";
import { updateIf } from "./conditional-update";
import { entities, key, literal, readEntity } from "./tables";

type Entity = TapRequest;

const norm = (id: string) => id.toLowerCase();
const OPEN: readonly TapRequestStatus[] = ["pending", "issuing"];

const fromEntity = (e: Entity): TapRequest => ({
  id: e.id,
  tenantId: e.tenantId,
  requesterId: e.requesterId,
  requesterName: e.requesterName,
  status: e.status,
  needsPrivileged: e.needsPrivileged,
  createdAt: e.createdAt,
  decidedBy: e.decidedBy,
  decidedByName: e.decidedByName,
  decidedAt: e.decidedAt,
  lifetimeMinutes: e.lifetimeMinutes,
  usableOnce: e.usableOnce,
  expiresAt: e.expiresAt,
  note: e.note,
});

const defined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * PartitionKey = tenant, RowKey = request id: a card click is a point read; "the requester's open
 * request" filters the tenant's partition on requester and status (requests are few per tenant; no
 * table scan). A decision is an If-Match write on the row read, so two admins on two instances get one.
 */
export class AzureTapRequestStore {
  constructor(
    private readonly table: TableClient,
    private readonly cards: ApprovalCardTable,
  ) {}

  async create(request: TapRequest): Promise<void> {
    const tenantId = norm(request.tenantId);
    await this.table.createEntity({
      partitionKey: key(tenantId),
      rowKey: key(request.id),
      ...defined({
        id: request.id,
        tenantId,
        requesterId: norm(request.requesterId),
        requesterName: request.requesterName,
        status: request.status,
        needsPrivileged: request.needsPrivileged,
        createdAt: request.createdAt,
      }),
    });
  }

  async get(tenantId: string, id: string): Promise<TapRequest | undefined> {
    const entity = await readEntity<Entity>(this.table, key(norm(tenantId)), key(id));
    return entity && fromEntity(entity);
  }

  async open(tenantId: string, requesterId: string): Promise<TapRequest | undefined> {
    const filter = `PartitionKey eq ${literal(key(norm(tenantId)))} and requesterId eq ${literal(norm(requesterId))}`;
    let newest: TapRequest | undefined;
    for await (const entity of entities<Entity>(this.table, filter)) {
      if (OPEN.includes(entity.status) && (newest === undefined || entity.createdAt > newest.createdAt)) {
        newest = fromEntity(entity);
      }
    }
    return newest;
  }

  async transition(
    tenantId: string,
    id: string,
    from: TapRequestStatus,
    to: TapRequestStatus,
    decision: TapDecision = {},
  ): Promise<boolean> {
    return updateIf<Entity>(this.table, key(norm(tenantId)), key(id), (current) =>
      current.status === from ? { status: to, ...defined(decision) } : undefined,
    );
  }

  async addApprovalCard(requestId: string, card: ApprovalCardRef): Promise<void> {
    await this.cards.put({ requestId, ...card });
  }

  async approvalCards(requestId: string): Promise<ApprovalCardRef[]> {
    return (await this.cards.list(requestId)).map(
      ({ approverId, conversationId, activityId, serviceUrl }) => ({
        approverId,
        conversationId,
        activityId,
        serviceUrl,
      }),
    );
  }
}
