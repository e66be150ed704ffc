/** The work did not finish before the deadline; it may still finish later. */
export class DeadlineExceededError extends Error {
  readonly reason = "deadline";
  constructor(readonly deadlineMs: number) {
    super(`no answer within ${deadlineMs} ms`);
    this.name = "DeadlineExceededError";
  }
}

/**
 * Settles with `work`, or rejects with DeadlineExceededError after `deadlineMs`. It only stops waiting:
 * the status service cancels the read itself at the same moment (an abort signal through the directory).
 */
export function withDeadline<T>(work: Promise<T>, deadlineMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(deadlineMs)), deadlineMs);
    timer.unref();
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
