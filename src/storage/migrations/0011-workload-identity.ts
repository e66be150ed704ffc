import type { Migration } from "./migration";

/**
 * A workload identity walkthrough keeps the new identity's application id, when its owner names it, and
 * when the checklist was last saved: the sign-in check looks for the account's user sign-ins after that
 * moment and for the identity's sign-ins to Azure Resource Manager.
 */
export const migration: Migration = {
  version: 11,
  name: "walkthroughs: workload identity app id and checklist saved at",
  sql: `
    ALTER TABLE walkthroughs ADD COLUMN workload_app_id TEXT;
    ALTER TABLE walkthroughs ADD COLUMN checklist_saved_at TEXT;
  `,
};
