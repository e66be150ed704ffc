import type { GraphUser, UserRegistrationDetails } from "../../directory/graph-types";

/** Only what the assessment reads of a registration row (the report stream holds rows that run ahead). */
function compactRegistration(row: UserRegistrationDetails): UserRegistrationDetails {
  return {
    id: row.id,
    userPrincipalName: row.userPrincipalName,
    userDisplayName: row.userDisplayName,
    userType: row.userType,
    isAdmin: row.isAdmin,
    methodsRegistered: row.methodsRegistered,
    // A method the product read itself wins until the row is newer than that read (methodsToAssess).
    lastUpdatedDateTime: row.lastUpdatedDateTime,
  };
}

/**
 * Users in the order Graph lists them, each with their registration row, reading both streams at once, a
 * page of users at a time (each page comes out once all its users have their row, or the report ended).
 * Graph lists both in the same order in practice, so each side waits for the other and little is held;
 * a row that runs ahead waits in a map, and a user without a row is released when the report ends.
 * `registrations` undefined: the report could not be read, every user comes without a row.
 */
export async function* joinRegistrations(
  users: AsyncIterable<readonly GraphUser[]>,
  registrations: AsyncIterable<readonly UserRegistrationDetails[]> | undefined,
  signal?: AbortSignal,
): AsyncGenerator<Array<[GraphUser, UserRegistrationDetails | undefined]>> {
  if (registrations === undefined) {
    for await (const page of users) {
      signal?.throwIfAborted();
      yield page.map((user): [GraphUser, undefined] => [user, undefined]);
    }
    return;
  }
  const ahead = new Map<string, UserRegistrationDetails>();
  // Rows may run this far ahead of the users before the report waits (unless the users wait on it).
  const HIGH_WATER = 5_000;
  let waiting = false;
  let resumePump: (() => void) | undefined;
  const wakePump = () => {
    const resume = resumePump;
    resumePump = undefined;
    resume?.();
  };
  let done = false;
  let failure: { error: unknown } | undefined;
  let stopped = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const pump = (async () => {
    try {
      for await (const page of registrations) {
        if (stopped) {
          break;
        }
        for (const row of page) {
          ahead.set(row.id.toLowerCase(), compactRegistration(row));
        }
        notify();
        while (ahead.size >= HIGH_WATER && !waiting && !stopped) {
          await new Promise<void>((resolve) => (resumePump = resolve));
        }
      }
    } catch (error) {
      failure = { error };
    } finally {
      done = true;
      notify();
    }
  })();
  try {
    for await (const page of users) {
      signal?.throwIfAborted();
      const joined: Array<[GraphUser, UserRegistrationDetails | undefined]> = [];
      for (const user of page) {
        const id = user.id.toLowerCase();
        while (!ahead.has(id) && !done) {
          // A user whose row is not among those ahead: let the report run on until it comes (or ends).
          waiting = true;
          wakePump();
          await new Promise<void>((resolve) => (wake = resolve));
          waiting = false;
          signal?.throwIfAborted();
        }
        if (failure !== undefined) {
          throw failure.error;
        }
        const row = ahead.get(id);
        ahead.delete(id);
        joined.push([user, row]);
      }
      if (ahead.size < HIGH_WATER) {
        wakePump();
      }
      yield joined;
    }
  } finally {
    // Not awaited: a cancel must not wait for a page (and its throttle slot) nobody will read.
    stopped = true;
    wakePump();
    void pump;
  }
}
