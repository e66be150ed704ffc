import type { Directory, TimeWindow } from "../../directory/directory";
import { DirectoryError } from "../../directory/errors";
import type { SignIn } from "../../directory/graph-types";
import { summaryAsSignIn } from "../../directory/summary-sign-in";
import type { DataGap } from "../../domain/facts";
import { NON_INTERACTIVE_SIGN_INS } from "../../domain/facts";
import { abortable, untilAborted } from "./abortable";
import { compactSignIn } from "./compact-sign-in";
import { push, readable } from "./scan-reads";

export interface SignInReads {
  window: TimeWindow;
  evidenceWindow: { startMs: number; endMs: number };
  scope: { appIds: string[]; resourceIds: string[] };
  /** Where a collection that cannot be read records why. */
  gaps: Record<string, DataGap>;
  signal?: AbortSignal;
  /** Called as data arrives: how many in-scope sign-ins have been read so far. */
  onSignIns?: (read: number) => void;
}

/**
 * The window's in-scope sign-ins (v1.0: the interactive ones), reduced to what the rules read, by
 * lower-case user id; undefined when they cannot be read (the gap says why).
 */
export async function readSignInIndex(
  directory: Pick<Directory, "listSignIns">,
  reads: SignInReads,
): Promise<Map<string, SignIn[]> | undefined> {
  const { signal } = reads;
  const items = await readable(
    await untilAborted(directory.listSignIns(reads.window, reads.scope), signal),
    "signIns",
    reads.gaps,
  );
  if (items === undefined) {
    return undefined;
  }
  const byUser = new Map<string, SignIn[]>();
  let read = 0;
  for await (const signIn of abortable(items, signal)) {
    read += 1;
    const kept = compactSignIn(signIn, reads.evidenceWindow);
    if (kept !== undefined) {
      push(byUser, signIn.userId.toLowerCase(), kept);
    }
    if (read % 1000 === 0) {
      reads.onSignIns?.(read);
    }
  }
  reads.onSignIns?.(read);
  return byUser;
}

/**
 * Non-interactive sign-ins, summarised (beta), by the lower-case UPN the rows carry; undefined when the
 * directory has no summary (a snapshot already gave them in listSignIns) or it failed (the gap says so:
 * the scan carries on with v1.0's sign-ins).
 */
export async function readSummaryIndex(
  directory: Pick<Directory, "listNonInteractiveSummary">,
  reads: SignInReads,
): Promise<Map<string, SignIn[]> | undefined> {
  if (directory.listNonInteractiveSummary === undefined) {
    return undefined;
  }
  const { signal } = reads;
  const answer = await untilAborted(directory.listNonInteractiveSummary(reads.scope), signal);
  if (!answer.available) {
    reads.gaps[NON_INTERACTIVE_SIGN_INS] = { ...answer.gap, data: NON_INTERACTIVE_SIGN_INS };
    return undefined;
  }
  const byUpn = new Map<string, SignIn[]>();
  try {
    for await (const row of abortable(answer.items, signal)) {
      const signIn = summaryAsSignIn(row, reads.evidenceWindow.startMs);
      const kept = signIn && compactSignIn(signIn, reads.evidenceWindow);
      if (kept !== undefined) {
        push(byUpn, row.userPrincipalName.toLowerCase(), kept);
      }
    }
    return byUpn;
  } catch (error) {
    // A later page failing is a gap like the first.
    if (!(error instanceof DirectoryError)) {
      throw error;
    }
    reads.gaps[NON_INTERACTIVE_SIGN_INS] = {
      data: NON_INTERACTIVE_SIGN_INS,
      reason: error.reason,
      permission: error.permission,
    };
    return undefined;
  }
}
