import type {
  ApplyOutcome,
  ApprovalCardRef,
  Decision,
  NewPostponementRequest,
  PostponementRequest,
  RequestStatus,
} from "../domain/postponement-request";
import type { Database } from "./database";

interface Row {
  id: string;
  tenant_id: string;
  requester_id: string;
  requester_name: string | null;
  phase: "1" | "2";
  wanted_date: string;
  route: "selfService" | "support";
  justification: string;
  affected_systems: string;
  status: RequestStatus;
  created_at: string;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
  applied: string | null;
}

interface CardRow {
  request_id: string;
  approver_id: string;
  conversation_id: string;
  activity_id: string;
  service_url: string;
}

const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

const fromRow = (row: Row): PostponementRequest => ({
  id: row.id,
  tenantId: row.tenant_id,
  requesterId: row.requester_id,
  requesterName: optional(row.requester_name),
  phase: row.phase,
  wantedDate: row.wanted_date,
  route: row.route,
  justification: row.justification,
  affectedSystems: row.affected_systems,
  status: row.status,
  createdAt: row.created_at,
  decidedById: optional(row.decided_by_id),
  decidedByName: optional(row.decided_by_name),
  decidedAt: optional(row.decided_at),
  decisionNote: optional(row.decision_note),
  applied: row.applied === null ? undefined : (JSON.parse(row.applied) as ApplyOutcome),
});

const norm = (id: string) => id.toLowerCase();

export class SqlitePostponementRequestStore {
  constructor(private readonly db: Database) {}

  async create(request: NewPostponementRequest): Promise<PostponementRequest> {
    this.db
      .prepare(
        `INSERT INTO postponement_requests (id, tenant_id, requester_id, requester_name, phase, wanted_date, route,
           justification, affected_systems, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        request.id,
        norm(request.tenantId),
        norm(request.requesterId),
        request.requesterName ?? null,
        request.phase,
        request.wantedDate,
        request.route,
        request.justification,
        request.affectedSystems,
        request.createdAt,
      );
    const stored = await this.get(request.tenantId, request.id);
    if (stored === undefined) {
      throw new Error(`postponement request ${request.id} was not stored`);
    }
    return stored;
  }

  async get(tenantId: string, id: string): Promise<PostponementRequest | undefined> {
    const row = this.db
      .prepare<[string, string], Row>("SELECT * FROM postponement_requests WHERE tenant_id = ? AND id = ?")
      .get(norm(tenantId), id);
    return row ? fromRow(row) : undefined;
  }

  async decide(tenantId: string, id: string, decision: Decision): Promise<boolean> {
    // One statement: of two simultaneous clicks, exactly one finds the row still pending.
    const result = this.db
      .prepare(
        `UPDATE postponement_requests SET status = ?, decided_by_id = ?, decided_by_name = ?, decided_at = ?,
           decision_note = ? WHERE tenant_id = ? AND id = ? AND status = 'pending'`,
      )
      .run(
        decision.status,
        norm(decision.decidedById),
        decision.decidedByName ?? null,
        decision.decidedAt,
        decision.decisionNote ?? null,
        norm(tenantId),
        id,
      );
    return result.changes === 1;
  }

  async recordApplied(tenantId: string, id: string, outcome: ApplyOutcome): Promise<void> {
    this.db
      .prepare("UPDATE postponement_requests SET applied = ? WHERE tenant_id = ? AND id = ?")
      .run(JSON.stringify(outcome), norm(tenantId), id);
  }

  async latest(tenantId: string, limit: number): Promise<PostponementRequest[]> {
    return this.db
      .prepare<[string, number], Row>(
        "SELECT * FROM postponement_requests WHERE tenant_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
      )
      .all(norm(tenantId), limit)
      .map(fromRow);
  }

  async addApprovalCard(card: ApprovalCardRef): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO postponement_approval_cards (request_id, approver_id, conversation_id, activity_id, service_url)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (request_id, approver_id) DO UPDATE SET
           conversation_id = excluded.conversation_id, activity_id = excluded.activity_id, service_url = excluded.service_url`,
      )
      .run(card.requestId, norm(card.approverId), card.conversationId, card.activityId, card.serviceUrl);
  }

  async approvalCards(requestId: string): Promise<ApprovalCardRef[]> {
    return this.db
      .prepare<[string], CardRow>(
        "SELECT * FROM postponement_approval_cards WHERE request_id = ? ORDER BY approver_id",
      )
      .all(requestId)
      .map((row) => ({
        requestId: row.request_id,
        approverId: row.approver_id,
        conversationId: row.conversation_id,
        activityId: row.activity_id,
        serviceUrl: row.service_url,
      }));
  }
}
