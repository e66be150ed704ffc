import type { Migration } from "./migration";

/**
 * A recipient's "Done: check me now": when they pressed it and whether the re-check in Graph found them
 * ready, so the progress card and the delivery report count who acted; and the recipient's Graph
 * preferredLanguage, the language of their card when no chat with them tells it.
 */
export const migration: Migration = {
  version: 9,
  name: "broadcast acknowledgements (acknowledged at, ready now) and recipient locale",
  sql: `
    ALTER TABLE broadcast_deliveries ADD COLUMN acknowledged_at TEXT;
    ALTER TABLE broadcast_deliveries ADD COLUMN ready_now INTEGER;
    ALTER TABLE broadcast_deliveries ADD COLUMN locale TEXT;
  `,
};
