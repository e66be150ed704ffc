import type { ConversationReference } from "botbuilder";

import type { StoredConversationReference } from "../domain/conversation-reference";
import type { Database } from "./database";

interface Row {
  tenant_id: string;
  user_id: string;
  conversation_id: string;
  service_url: string;
  reference: string;
  updated_at: string;
}

const fromRow = (row: Row): StoredConversationReference => ({
  tenantId: row.tenant_id,
  userId: row.user_id,
  conversationId: row.conversation_id,
  serviceUrl: row.service_url,
  reference: JSON.parse(row.reference) as Partial<ConversationReference>,
  updatedAt: row.updated_at,
});

/** Ids are compared as Entra gives them in activities; lower-case so one user is one row. */
const norm = (id: string) => id.toLowerCase();

export class SqliteConversationReferenceStore {
  private readonly upsert;
  private readonly selectOne;
  private readonly deleteOne;
  private readonly selectPage;
  private readonly countAll;

  constructor(
    db: Database,
    private readonly pageSize = 500,
  ) {
    this.upsert = db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO conversation_references (tenant_id, user_id, conversation_id, service_url, reference, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, user_id) DO UPDATE SET conversation_id = excluded.conversation_id,
         service_url = excluded.service_url, reference = excluded.reference, updated_at = excluded.updated_at`,
    );
    this.selectOne = db.prepare<[string, string], Row>(
      "SELECT * FROM conversation_references WHERE tenant_id = ? AND user_id = ?",
    );
    this.deleteOne = db.prepare<[string, string]>(
      "DELETE FROM conversation_references WHERE tenant_id = ? AND user_id = ?",
    );
    // Keyset paging: each page starts after the last user id seen, so rows added meanwhile are not repeated.
    this.selectPage = db.prepare<[string, string, number], Row>(
      "SELECT * FROM conversation_references WHERE tenant_id = ? AND user_id > ? ORDER BY user_id LIMIT ?",
    );
    this.countAll = db.prepare<[string], { n: number }>(
      "SELECT count(*) AS n FROM conversation_references WHERE tenant_id = ?",
    );
  }

  async save(ref: StoredConversationReference): Promise<void> {
    this.upsert.run(
      norm(ref.tenantId),
      norm(ref.userId),
      ref.conversationId,
      ref.serviceUrl,
      JSON.stringify(ref.reference),
      ref.updatedAt,
    );
  }

  async get(tenantId: string, userId: string): Promise<StoredConversationReference | undefined> {
    const row = this.selectOne.get(norm(tenantId), norm(userId));
    return row ? fromRow(row) : undefined;
  }

  async remove(tenantId: string, userId: string): Promise<boolean> {
    return this.deleteOne.run(norm(tenantId), norm(userId)).changes > 0;
  }

  async *list(tenantId: string): AsyncIterable<StoredConversationReference> {
    let after = "";
    for (;;) {
      const page = this.selectPage.all(norm(tenantId), after, this.pageSize);
      for (const row of page) {
        yield fromRow(row);
      }
      const last = page.at(-1);
      if (!last || page.length < this.pageSize) {
        return;
      }
      after = last.user_id;
    }
  }

  async count(tenantId: string): Promise<number> {
    return this.countAll.get(norm(tenantId))?.n ?? 0;
  }
}
