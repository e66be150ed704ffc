import type {
  ApplyOutcome,
  ApprovalCardRef,
  Decision,
  NewPostponementRequest,
  PostponementRequest,
} from "../../domain/postponement-request";

/** Postponement requests and their approval cards; src/storage implements it on SQLite and Azure Storage. */
export interface PostponementRequestStore {
  create(request: NewPostponementRequest): Promise<PostponementRequest>;
  get(tenantId: string, id: string): Promise<PostponementRequest | undefined>;
  /** First decision wins: true when this call decided, false when the request was no longer pending. */
  decide(tenantId: string, id: string, decision: Decision): Promise<boolean>;
  recordApplied(tenantId: string, id: string, outcome: ApplyOutcome): Promise<void>;
  latest(tenantId: string, limit: number): Promise<PostponementRequest[]>;
  addApprovalCard(card: ApprovalCardRef): Promise<void>;
  approvalCards(requestId: string): Promise<ApprovalCardRef[]>;
}
