import type { LiveMethods, LiveMethodsSource } from "../domain/live-methods";
import type { Verdict } from "../domain/verdict";
import type { Database } from "./database";

interface Row {
  tenant_id: string;
  user_id: string;
  read_at: string;
  source: LiveMethodsSource;
  methods: string;
  verdict: string;
}

const norm = (id: string) => id.toLowerCase();

const fromRow = (row: Row): LiveMethods => ({
  tenantId: row.tenant_id,
  userId: row.user_id,
  readAt: row.read_at,
  source: row.source,
  methods: JSON.parse(row.methods) as LiveMethods["methods"],
  verdict: JSON.parse(row.verdict) as Verdict,
});

/** Rows read per page of `list`, so a tenant where everyone checked their status is not held at once. */
const PAGE = 500;

export class SqliteLiveMethodsStore {
  private readonly upsert;
  private readonly selectOne;
  private readonly selectPage;

  constructor(db: Database) {
    // One statement: of two writers, the later read stays (ISO 8601 in UTC sorts as time).
    this.upsert = db.prepare(
      `INSERT INTO live_methods (tenant_id, user_id, read_at, source, methods, verdict)
       VALUES (@tenantId, @userId, @readAt, @source, @methods, @verdict)
       ON CONFLICT (tenant_id, user_id) DO UPDATE SET read_at = excluded.read_at, source = excluded.source,
         methods = excluded.methods, verdict = excluded.verdict WHERE excluded.read_at >= live_methods.read_at`,
    );
    this.selectOne = db.prepare<[string, string], Row>(
      "SELECT * FROM live_methods WHERE tenant_id = ? AND user_id = ?",
    );
    this.selectPage = db.prepare<[string, string, string, number], Row>(
      `SELECT * FROM live_methods WHERE tenant_id = ? AND read_at >= ? AND user_id > ?
       ORDER BY user_id LIMIT ?`,
    );
  }

  async put(record: LiveMethods): Promise<void> {
    this.upsert.run({
      tenantId: norm(record.tenantId),
      userId: norm(record.userId),
      readAt: new Date(record.readAt).toISOString(),
      source: record.source,
      methods: JSON.stringify(record.methods),
      verdict: JSON.stringify(record.verdict),
    });
  }

  async get(tenantId: string, userId: string): Promise<LiveMethods | undefined> {
    const row = this.selectOne.get(norm(tenantId), norm(userId));
    return row === undefined ? undefined : fromRow(row);
  }

  async *list(tenantId: string, options: { since?: string } = {}): AsyncIterable<LiveMethods> {
    const since = options.since === undefined ? "" : new Date(options.since).toISOString();
    let after = "";
    for (;;) {
      const rows = this.selectPage.all(norm(tenantId), since, after, PAGE);
      for (const row of rows) {
        yield fromRow(row);
      }
      if (rows.length < PAGE) {
        return;
      }
      after = rows.at(-1)!.user_id;
    }
  }
}
