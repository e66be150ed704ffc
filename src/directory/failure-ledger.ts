import type { DirectoryError } from "./errors";

/**
 * The SDK rewraps whatever a middleware throws into a GraphError and drops its type. Middlewares record
 * their DirectoryError here under the request's client-request-id header (which Graph also echoes), and
 * GraphHttp takes it back out.
 */
export class FailureLedger {
  private readonly failures = new Map<string, DirectoryError>();

  record(requestId: string | undefined, error: DirectoryError): DirectoryError {
    if (requestId !== undefined) {
      this.failures.set(requestId, error);
    }
    return error;
  }

  take(requestId: string): DirectoryError | undefined {
    const error = this.failures.get(requestId);
    this.failures.delete(requestId);
    return error;
  }
}

export function requestIdOf(headers: HeadersInit | undefined): string | undefined {
  return new Headers(headers ?? {}).get("client-request-id") ?? undefined;
}
