import type { Directory } from "../../directory/directory";
import type { AudienceSpec } from "../../domain/broadcast";
import type { Verdict } from "../../domain/verdict";

/** One person an audience names, before eligibility (guests, disabled accounts) is applied. */
export interface Candidate {
  userId: string;
  upn: string;
  displayName: string;
  userType?: string;
  accountEnabled?: boolean;
  verdict?: Verdict;
}

/** The verdicts audiences are drawn from: the latest readiness scan of the tenant. */
export interface VerdictSource {
  /** Every verdict of the tenant's latest scan, streamed; undefined when there is no scan yet. */
  latest(
    tenantId: string,
  ): Promise<{ scanId: string; at?: string; verdicts(): AsyncIterable<Verdict> } | undefined>;
}

export interface AudienceSources {
  verdicts: VerdictSource;
  directory: Pick<Directory, "getUser" | "listGroupMembers" | "listUsers">;
}

export class NoScanError extends Error {
  readonly reason = "noScan";
  constructor() {
    super("There is no readiness scan of the tenant yet: run the readiness report first, then broadcast.");
    this.name = "NoScanError";
  }
}

const affected = (verdict: Verdict) =>
  [verdict.phase1, verdict.phase2].some((phase) => phase === "affected" || phase === "likely");

/** The verdict rule of each scan-based audience (pure). */
export function inAudience(kind: AudienceSpec["kind"], verdict: Verdict): boolean {
  switch (kind) {
    case "affected-not-ready":
      return affected(verdict) && !verdict.mfaReady;
    case "affected":
      return affected(verdict);
    case "phase2":
      return verdict.phase2 === "affected" || verdict.phase2 === "likely";
    case "break-glass":
      return verdict.breakGlass;
    default:
      return false;
  }
}

const fromVerdict = (verdict: Verdict): Candidate => ({
  userId: verdict.userId,
  upn: verdict.userPrincipalName,
  displayName: verdict.displayName,
  userType: verdict.userType,
  verdict,
});

/** Ids of accounts that cannot sign in, from one streamed pass over the users (small: only the disabled). */
export async function disabledUserIds(directory: Pick<Directory, "listUsers">): Promise<Set<string>> {
  return (await directoryFacts(directory)).disabled;
}

/**
 * One pass over the tenant's users: who is disabled, and each user's Graph preferredLanguage where one
 * is set (the language of their card when no chat with them tells it).
 */
export async function directoryFacts(
  directory: Pick<Directory, "listUsers">,
): Promise<{ disabled: Set<string>; languages: Map<string, string> }> {
  const disabled = new Set<string>();
  const languages = new Map<string, string>();
  for await (const user of directory.listUsers()) {
    const id = user.id.toLowerCase();
    if (user.accountEnabled === false) {
      disabled.add(id);
    }
    if (user.preferredLanguage) {
      languages.set(id, user.preferredLanguage);
    }
  }
  return { disabled, languages };
}

/**
 * Everyone the audience names, streamed. Scan audiences come from the latest scan's verdicts; a group
 * from its (transitive) members, with their verdicts from the scan when it has them; pasted UPNs are
 * looked up one by one and the unknown ones reported through `onUnknown`.
 */
export async function* resolveAudience(
  tenantId: string,
  audience: AudienceSpec,
  sources: AudienceSources,
  onUnknown: (upn: string) => void = () => {},
): AsyncIterable<Candidate> {
  if (audience.kind === "group" || audience.kind === "upns") {
    const wanted = new Map<string, Candidate>();
    if (audience.kind === "group") {
      for await (const memberId of sources.directory.listGroupMembers(audience.groupId)) {
        const user = await sources.directory.getUser(memberId);
        if (user) {
          wanted.set(user.id.toLowerCase(), {
            userId: user.id,
            upn: user.userPrincipalName,
            displayName: user.displayName ?? user.userPrincipalName,
            userType: user.userType ?? undefined,
            accountEnabled: user.accountEnabled ?? undefined,
          });
        }
      }
    } else {
      for (const upn of audience.upns) {
        const user = await sources.directory.getUser(upn);
        if (!user) {
          onUnknown(upn);
          continue;
        }
        wanted.set(user.id.toLowerCase(), {
          userId: user.id,
          upn: user.userPrincipalName,
          displayName: user.displayName ?? user.userPrincipalName,
          userType: user.userType ?? undefined,
          accountEnabled: user.accountEnabled ?? undefined,
        });
      }
    }
    const scan = await sources.verdicts.latest(tenantId);
    if (scan) {
      for await (const verdict of scan.verdicts()) {
        const candidate = wanted.get(verdict.userId.toLowerCase());
        if (candidate) {
          candidate.verdict = verdict;
        }
      }
    }
    yield* wanted.values();
    return;
  }
  if (audience.kind === "follow-up" || audience.kind === "resend-failed") {
    throw new Error("a follow-up audience is resolved from its parent job's ledger");
  }
  const scan = await sources.verdicts.latest(tenantId);
  if (!scan) {
    throw new NoScanError();
  }
  for await (const verdict of scan.verdicts()) {
    if (inAudience(audience.kind, verdict)) {
      yield fromVerdict(verdict);
    }
  }
}

/** Why a candidate gets no message, or undefined when they get one. */
export function skipReason(candidate: Candidate, disabled: ReadonlySet<string>): string | undefined {
  if ((candidate.userType ?? "").toLowerCase() === "guest") {
    return "guest";
  }
  if (candidate.accountEnabled === false || disabled.has(candidate.userId.toLowerCase())) {
    return "disabled";
  }
  return undefined;
}
