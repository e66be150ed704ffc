import type { ApprovalCardRef, TapDecision, TapRequest, TapRequestStatus } from "../../domain/tap-request";

/** Temporary Access Pass requests and their approval cards; src/storage implements it. */
export interface TapRequestStore {
  create(request: TapRequest): Promise<void>;
  get(tenantId: string, id: string): Promise<TapRequest | undefined>;
  /** The requester's open request (pending or being issued), if any. */
  open(tenantId: string, requesterId: string): Promise<TapRequest | undefined>;
  /** Moves the request from `from` to `to` only if it is still in `from`: false when someone got there first. */
  transition(
    tenantId: string,
    id: string,
    from: TapRequestStatus,
    to: TapRequestStatus,
    decision?: TapDecision,
  ): Promise<boolean>;
  addApprovalCard(requestId: string, card: ApprovalCardRef): Promise<void>;
  approvalCards(requestId: string): Promise<ApprovalCardRef[]>;
}
