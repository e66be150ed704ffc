import type { TableClient } from "@azure/data-tables";

import type {
  ApplyOutcome,
  ApprovalCardRef,
  Decision,
  NewPostponementRequest,
  PostponementRequest,
} from "../../domain/postponement-request";
import type { ApprovalCardTable } from "./approval-cards";
import { updateIf } from "./conditional-update";
import { entities, key, literal, lostRace, readEntity } from "./tables";

type Entity = Omit<PostponementRequest, "applied"> & { applied?: string };

const norm = (id: string) => id.toLowerCase();

const fromEntity = (e: Entity): PostponementRequest => ({
  id: e.id,
  tenantId: e.tenantId,
  requesterId: e.requesterId,
  requesterName: e.requesterName,
  phase: e.phase,
  wantedDate: e.wantedDate,
  route: e.route,
  justification: e.justification,
  affectedSystems: e.affectedSystems,
  status: e.status,
  createdAt: e.createdAt,
  decidedById: e.decidedById,
  decidedByName: e.decidedByName,
  decidedAt: e.decidedAt,
  decisionNote: e.decisionNote,
  applied: e.applied === undefined ? undefined : (JSON.parse(e.applied) as ApplyOutcome),
});

const defined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * PartitionKey = tenant, RowKey = request id. First decision wins: `decide` writes with If-Match on the
 * row it read as pending, so of two Global Administrators clicking on two instances one write lands and
 * the other re-reads a decided request. `latest` reads the tenant's partition (a handful of requests).
 */
export class AzurePostponementRequestStore {
  constructor(
    private readonly table: TableClient,
    private readonly cards: ApprovalCardTable,
  ) {}

  async create(request: NewPostponementRequest): Promise<PostponementRequest> {
    const stored: PostponementRequest = {
      ...request,
      tenantId: norm(request.tenantId),
      requesterId: norm(request.requesterId),
      status: "pending",
    };
    try {
      await this.table.createEntity({
        partitionKey: key(stored.tenantId),
        rowKey: key(stored.id),
        ...defined(stored),
      });
    } catch (error) {
      if (lostRace(error)) {
        throw new Error(`postponement request ${request.id} already exists`, { cause: error });
      }
      throw error;
    }
    return stored;
  }

  async get(tenantId: string, id: string): Promise<PostponementRequest | undefined> {
    const entity = await readEntity<Entity>(this.table, key(norm(tenantId)), key(id));
    return entity && fromEntity(entity);
  }

  async decide(tenantId: string, id: string, decision: Decision): Promise<boolean> {
    return updateIf<Entity>(this.table, key(norm(tenantId)), key(id), (current) =>
      current.status === "pending"
        ? defined({ ...decision, decidedById: norm(decision.decidedById) })
        : undefined,
    );
  }

  async recordApplied(tenantId: string, id: string, outcome: ApplyOutcome): Promise<void> {
    await updateIf<Entity>(this.table, key(norm(tenantId)), key(id), () => ({
      applied: JSON.stringify(outcome),
    }));
  }

  async latest(tenantId: string, limit: number): Promise<PostponementRequest[]> {
    const all: PostponementRequest[] = [];
    for await (const entity of entities<Entity>(
      this.table,
      `PartitionKey eq ${literal(key(norm(tenantId)))}`,
    )) {
      all.push(fromEntity(entity));
    }
    return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, Math.max(0, limit));
  }

  async addApprovalCard(card: ApprovalCardRef): Promise<void> {
    await this.cards.put(card);
  }

  async approvalCards(requestId: string): Promise<ApprovalCardRef[]> {
    return this.cards.list(requestId);
  }
}
