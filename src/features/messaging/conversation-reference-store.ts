import type { StoredConversationReference } from "../../domain/conversation-reference";

/** How features reach users proactively; src/storage implements it on SQLite and Azure Storage. */
export interface ConversationReferenceStore {
  save(ref: StoredConversationReference): Promise<void>;
  get(tenantId: string, userId: string): Promise<StoredConversationReference | undefined>;
  remove(tenantId: string, userId: string): Promise<boolean>;
  /** Every reference of a tenant, ordered by user id, fetched page by page (never all in memory). */
  list(tenantId: string): AsyncIterable<StoredConversationReference>;
  count(tenantId: string): Promise<number>;
}
