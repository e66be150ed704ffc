import type { AllowedDates, RequestablePhase } from "./postponement";

export type RequestStatus = "pending" | "approved" | "declined";

/** What applying an approved postponement in Azure Resource Manager came to (read back after the PUT). */
export type ApplyOutcome =
  | { kind: "applied"; readBackDate: string }
  | { kind: "mismatch"; readBackDate: string | null }
  | { kind: "forbidden"; permission: string }
  | { kind: "failed"; message: string }
  | { kind: "windowClosed"; lastDate: string };

/** One request for more time, as stored. Ids are Entra object ids; names are for display only. */
export interface PostponementRequest {
  id: string;
  tenantId: string;
  requesterId: string;
  requesterName?: string;
  phase: RequestablePhase;
  /** "YYYY-MM-DD": the new enforcement date (self-service) or the end of the lift (support). */
  wantedDate: string;
  route: AllowedDates["route"];
  justification: string;
  affectedSystems: string;
  status: RequestStatus;
  createdAt: string;
  decidedById?: string;
  decidedByName?: string;
  decidedAt?: string;
  decisionNote?: string;
  applied?: ApplyOutcome;
}

export type NewPostponementRequest = Omit<
  PostponementRequest,
  "status" | "decidedById" | "decidedByName" | "decidedAt" | "decisionNote" | "applied"
>;

export interface Decision {
  status: Exclude<RequestStatus, "pending">;
  decidedById: string;
  decidedByName?: string;
  decidedAt: string;
  decisionNote?: string;
}

/** Where one approver's card landed, so it can be updated once someone decides. */
export interface ApprovalCardRef {
  requestId: string;
  approverId: string;
  conversationId: string;
  activityId: string;
  serviceUrl: string;
}
