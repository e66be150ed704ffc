export type TapRequestStatus = "pending" | "issuing" | "issued" | "declined" | "cancelled" | "failed";

/** A user's request for a Temporary Access Pass. The pass itself is never part of it. */
export interface TapRequest {
  id: string;
  tenantId: string;
  requesterId: string;
  requesterName?: string;
  status: TapRequestStatus;
  /** The requester held a directory role when asking: only a Privileged Authentication Administrator may issue. */
  needsPrivileged: boolean;
  createdAt: string;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: string;
  lifetimeMinutes?: number;
  usableOnce?: boolean;
  expiresAt?: string;
  note?: string;
}

/** Where an approval card went, so every approver's copy can be updated with the outcome. */
export interface ApprovalCardRef {
  approverId: string;
  conversationId: string;
  activityId: string;
  serviceUrl: string;
}

export type TapDecision = Pick<
  TapRequest,
  "decidedBy" | "decidedByName" | "decidedAt" | "lifetimeMinutes" | "usableOnce" | "expiresAt" | "note"
>;
