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
    throw abortError(signal, what);
  }
  try {
    return await wait();
  } catch (error) {
    if (signal?.aborted) {
      throw abortError(signal, what);
    }
    throw error;
  }
}

/** A caller that stopped waiting says why with a DirectoryError as the abort reason; close() says nothing. */
export function abortError(signal: AbortSignal, what: string): DirectoryError {
  return signal.reason instanceof DirectoryError ? signal.reason : directoryClosed(what);
}

/** The directory's own signal and a caller's, as one. */
export function eitherSignal(
  own: AbortSignal | undefined,
  caller: AbortSignal | null | undefined,
): AbortSignal | undefined {
  if (!caller) {
    return own;
  }
  return own ? AbortSignal.any([own, caller]) : caller;
}
