/** A tenant's running scan as another process sees it: which scan, and its progress as last written. */
export interface ScanClaim {
  scanId: string;
  /** JSON-safe progress (dates as ISO strings). */
  progress: Record<string, unknown>;
}
