/** Who did what, for whom, when, and how it ended. Never holds a secret (a pass, a token). */
export interface AuditEntry {
  id: number;
  at: string;
  tenantId: string;
  actorId: string;
  actorName?: string;
  /** What happened, as `feature.event`: "tap.issued", "tap.refused", "postponement.requested", … */
  action: string;
  subjectId?: string;
  subjectName?: string;
  outcome: "success" | "refused" | "failed";
  detail?: Record<string, string | number | boolean | null>;
}

export type NewAuditEntry = Omit<AuditEntry, "id" | "at"> & { at?: string };
