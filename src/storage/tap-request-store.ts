import type { ApprovalCardRef, TapDecision, TapRequest, TapRequestStatus } from "../domain/tap-request";
import type { Database } from "./database";

interface Row {
  id: string;
  tenant_id: string;
  requester_id: string;
  requester_name: string | null;
  status: TapRequestStatus;
  needs_privileged: number;
  created_at: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  lifetime_minutes: number | null;
  usable_once: number | null;
  expires_at: string | null;
  note: string | null;
}

const norm = (id: string) => id.toLowerCase();
const opt = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

const fromRow = (row: Row): TapRequest => ({
  id: row.id,
  tenantId: row.tenant_id,
  requesterId: row.requester_id,
  requesterName: opt(row.requester_name),
  status: row.status,
  needsPrivileged: row.needs_privileged === 1,
  createdAt: row.created_at,
  decidedBy: opt(row.decided_by),
  decidedByName: opt(row.decided_by_name),
  decidedAt: opt(row.decided_at),
  lifetimeMinutes: opt(row.lifetime_minutes),
  usableOnce: row.usable_once === null ? undefined : row.usable_once === 1,
  expiresAt: opt(row.expires_at),
  note: opt(row.note),
});

export class SqliteTapRequestStore {
  private readonly insert;
  private readonly selectOne;
  private readonly selectOpen;
  private readonly update;
  private readonly insertCard;
  private readonly selectCards;

  constructor(db: Database) {
    this.insert = db.prepare(
      `INSERT INTO tap_requests (id, tenant_id, requester_id, requester_name, status, needs_privileged, created_at)
       VALUES (@id, @tenantId, @requesterId, @requesterName, @status, @needsPrivileged, @createdAt)`,
    );
    this.selectOne = db.prepare<[string, string], Row>(
      "SELECT * FROM tap_requests WHERE tenant_id = ? AND id = ?",
    );
    this.selectOpen = db.prepare<[string, string], Row>(
      `SELECT * FROM tap_requests WHERE tenant_id = ? AND requester_id = ? AND status IN ('pending', 'issuing')
       ORDER BY created_at DESC LIMIT 1`,
    );
    this.update = db.prepare(
      `UPDATE tap_requests SET status = @to,
         decided_by = COALESCE(@decidedBy, decided_by), decided_by_name = COALESCE(@decidedByName, decided_by_name),
         decided_at = COALESCE(@decidedAt, decided_at), lifetime_minutes = COALESCE(@lifetimeMinutes, lifetime_minutes),
         usable_once = COALESCE(@usableOnce, usable_once), expires_at = COALESCE(@expiresAt, expires_at),
         note = COALESCE(@note, note)
       WHERE tenant_id = @tenantId AND id = @id AND status = @from`,
    );
    this.insertCard = db.prepare(
      `INSERT OR REPLACE INTO tap_approval_cards (request_id, approver_id, conversation_id, activity_id, service_url)
       VALUES (@requestId, @approverId, @conversationId, @activityId, @serviceUrl)`,
    );
    this.selectCards = db.prepare<[string], ApprovalCardRef>(
      `SELECT approver_id AS approverId, conversation_id AS conversationId, activity_id AS activityId,
         service_url AS serviceUrl FROM tap_approval_cards WHERE request_id = ? ORDER BY approver_id`,
    );
  }

  async create(request: TapRequest): Promise<void> {
    this.insert.run({
      id: request.id,
      tenantId: norm(request.tenantId),
      requesterId: norm(request.requesterId),
      requesterName: request.requesterName ?? null,
      status: request.status,
      needsPrivileged: request.needsPrivileged ? 1 : 0,
      createdAt: request.createdAt,
    });
  }

  async get(tenantId: string, id: string): Promise<TapRequest | undefined> {
    const row = this.selectOne.get(norm(tenantId), id);
    return row === undefined ? undefined : fromRow(row);
  }

  async open(tenantId: string, requesterId: string): Promise<TapRequest | undefined> {
    const row = this.selectOpen.get(norm(tenantId), norm(requesterId));
    return row === undefined ? undefined : fromRow(row);
  }

  async transition(
    tenantId: string,
    id: string,
    from: TapRequestStatus,
    to: TapRequestStatus,
    decision: TapDecision = {},
  ): Promise<boolean> {
    const result = this.update.run({
      tenantId: norm(tenantId),
      id,
      from,
      to,
      decidedBy: decision.decidedBy ?? null,
      decidedByName: decision.decidedByName ?? null,
      decidedAt: decision.decidedAt ?? null,
      lifetimeMinutes: decision.lifetimeMinutes ?? null,
      usableOnce: decision.usableOnce === undefined ? null : decision.usableOnce ? 1 : 0,
      expiresAt: decision.expiresAt ?? null,
      note: decision.note ?? null,
    });
    return result.changes === 1;
  }

  async addApprovalCard(requestId: string, card: ApprovalCardRef): Promise<void> {
    this.insertCard.run({ requestId, ...card, approverId: norm(card.approverId) });
  }

  async approvalCards(requestId: string): Promise<ApprovalCardRef[]> {
    return this.selectCards.all(requestId);
  }
}
