import type { SignIn } from "../directory/graph-types";
import { AZURE_SERVICE_MANAGEMENT_RESOURCE_ID, EVIDENCE_ERROR_CODES, IN_SCOPE_APPS } from "./apps";
import { isNonInteractive, phaseOf } from "./evidence";
import type { DataGap } from "./facts";

/** Sign-ins read for the check, newest first, and what could not be read. */
export interface SignInsRead {
  signIns: readonly SignIn[];
  dataGaps: readonly DataGap[];
}

export interface MigrationCheckInput {
  /** The check reads sign-ins from this moment on (included). */
  since: Date;
  /** The account's user sign-ins (interactive and silent) to in-scope apps. */
  account: SignInsRead;
  /** Only when the owner named the new identity: its app id and its sign-ins to Azure Resource Manager. */
  workload?: SignInsRead & { appId: string };
}

/** The account's latest in-scope sign-in since the moment: the evidence that something still uses it. */
export interface AccountSignInEvidence {
  appId: string;
  /** Graph's appDisplayName, else the domain table's name, else the app id. */
  app: string;
  at: string;
  /** False for a silent token refresh (a non-interactive sign-in). */
  interactive: boolean;
  /** The sign-in used a password without a browser (ROPC: a script). */
  ropc: boolean;
  /** Counted sign-ins since the moment (at least: the read holds one page). */
  count: number;
}

export interface WorkloadSignInEvidence {
  appId: string;
  name: string;
  at: string;
  kind: "servicePrincipal" | "managedIdentity";
}

/** Holds, with the identity's latest ARM sign-in when one was named; or exactly what is missing. */
export type MigrationCheck =
  | { holds: true; workloadSignIn?: WorkloadSignInEvidence }
  | {
      holds: false;
      /** The account still signed in with a user token since the moment. */
      accountSignIn?: AccountSignInEvidence;
      /** The named identity has not signed in to Azure Resource Manager since the moment. */
      workloadNotSeen?: { appId: string };
      /** Sign-ins that could not be read: the check cannot hold without them. */
      unreadable: DataGap[];
    };

const EVIDENCE_CODES = new Set(EVIDENCE_ERROR_CODES);
const ARM = AZURE_SERVICE_MANAGEMENT_RESOURCE_ID.toLowerCase();
const WORKLOAD_KINDS = ["servicePrincipal", "managedIdentity"] as const;
const APP_NAMES = new Map(IN_SCOPE_APPS.map((app) => [app.appId, app.name]));

const workloadKind = (signIn: SignIn) =>
  WORKLOAD_KINDS.find((kind) => signIn.signInEventTypes?.includes(kind) === true);

const at = (signIn: SignIn) => Date.parse(signIn.createdDateTime);

const newest = (signIns: readonly SignIn[]) =>
  signIns.reduce<SignIn | undefined>(
    (best, signIn) => (best === undefined || at(signIn) > at(best) ? signIn : best),
    undefined,
  );

/**
 * A user token of the account to an in-scope app since the moment. Counted as rule 1 counts evidence
 * (succeeded, or stopped to ask for MFA: a password script under enforcement gets 50076); a workload
 * identity's sign-in is never the account's, whatever the read returned.
 */
function accountSignIns(input: MigrationCheckInput): SignIn[] {
  const since = input.since.getTime();
  return input.account.signIns.filter(
    (signIn) =>
      workloadKind(signIn) === undefined &&
      phaseOf(signIn) !== undefined &&
      at(signIn) >= since &&
      EVIDENCE_CODES.has(signIn.status?.errorCode ?? 0),
  );
}

/** A sign-in of the named identity to Azure Resource Manager since the moment that succeeded: it works. */
function workloadSignIns(input: MigrationCheckInput): SignIn[] {
  const since = input.since.getTime();
  const appId = input.workload?.appId.toLowerCase();
  return (input.workload?.signIns ?? []).filter(
    (signIn) =>
      workloadKind(signIn) !== undefined &&
      signIn.appId.toLowerCase() === appId &&
      signIn.resourceId?.toLowerCase() === ARM &&
      at(signIn) >= since &&
      (signIn.status?.errorCode ?? 0) === 0,
  );
}

/**
 * The last step of a move to a workload identity (DOMAIN.md: ROPC scripts break, a workload identity is
 * the fix): it holds when the account has no user sign-in to an in-scope app since the moment, and, when
 * the owner named the new identity, that identity signed in to Azure Resource Manager since then. Pure.
 */
export function checkWorkloadMigration(input: MigrationCheckInput): MigrationCheck {
  const unreadable = [...input.account.dataGaps, ...(input.workload?.dataGaps ?? [])];
  const account = accountSignIns(input);
  const last = newest(account);
  const accountSignIn: AccountSignInEvidence | undefined =
    last === undefined
      ? undefined
      : {
          appId: last.appId,
          app: last.appDisplayName || APP_NAMES.get(last.appId.toLowerCase()) || last.appId,
          at: last.createdDateTime,
          interactive: !isNonInteractive(last),
          ropc: last.authenticationProtocol === "ropc",
          count: account.length,
        };
  const seen = newest(workloadSignIns(input));
  const workloadNotSeen =
    input.workload !== undefined && seen === undefined && input.workload.dataGaps.length === 0
      ? { appId: input.workload.appId }
      : undefined;
  if (accountSignIn === undefined && workloadNotSeen === undefined && unreadable.length === 0) {
    return seen === undefined
      ? { holds: true }
      : {
          holds: true,
          workloadSignIn: {
            appId: seen.appId,
            name: seen.servicePrincipalName || seen.appDisplayName || seen.appId,
            at: seen.createdDateTime,
            kind: workloadKind(seen)!,
          },
        };
  }
  return {
    holds: false,
    ...(accountSignIn === undefined ? {} : { accountSignIn }),
    ...(workloadNotSeen === undefined ? {} : { workloadNotSeen }),
    unreadable,
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An application (client) id as an owner types or pastes it: a GUID, spaces and braces around it allowed,
 * answered in lower case; anything else is undefined.
 */
export function parseAppId(text: unknown): string | undefined {
  if (typeof text !== "string") {
    return undefined;
  }
  const bare = text.trim().replace(/^\{(.*)\}$/, "$1");
  return GUID.test(bare) ? bare.toLowerCase() : undefined;
}
