import { DirectoryError } from "./errors";

/** The code a DirectoryError carries when close() cut a wait or a request short. */
export const DIRECTORY_CLOSED = "directoryClosed";

/** What a request still waiting (for a limiter slot, a Retry-After, a backoff) gets when the directory closes. */
export function directoryClosed(what: string): DirectoryError {
  return new DirectoryError("unavailable", `${what} was cancelled: the directory was closed.`, {
    code: DIRECTORY_CLOSED,
  });
}

/**
 * Awaits a wait that close() may cut short (the throttle's sleeps take the signal), turning the abort into
 * a DirectoryError, so a shutdown or a test never hangs for a two-minute Retry-After.
 */
export async function unlessClosed<T>(
  signal: AbortSignal | undefined,
  wait: () => Promise<T>,
  what: string,
): Promise<T> {
  if (signal?.aborted) {
    throw directoryClosed(what);
  }
  try {
    return await wait();
  } catch (error) {
    if (signal?.aborted) {
      throw directoryClosed(what);
    }
    throw error;
  }
}
