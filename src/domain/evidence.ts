import type { SignIn } from "../directory/graph-types";
import {
  AZURE_SERVICE_MANAGEMENT_NAME,
  AZURE_SERVICE_MANAGEMENT_RESOURCE_ID,
  EVIDENCE_ERROR_CODES,
  IN_SCOPE_APPS,
} from "./apps";
import type { EvidenceEntry } from "./verdict";

/**
 * Sign-in evidence for one user (DOMAIN.md rules 1 and 6): counted in-scope sign-ins, interactive and
 * non-interactive alike, per phase and app.
 */
export interface Evidence {
  phase1: EvidenceEntry[];
  phase2: EvidenceEntry[];
  /** Any counted in-scope sign-in used ROPC (a script signing in with a password). */
  ropc: boolean;
  /** Counted in-scope sign-ins, and how many of them were interactive. */
  counted: number;
  interactive: number;
}

export interface Window {
  startMs: number;
  endMs: number;
}

const APP_BY_ID = new Map(IN_SCOPE_APPS.map((app) => [app.appId, app]));
const EVIDENCE_CODES = new Set(EVIDENCE_ERROR_CODES);
const RESOURCE_ID = AZURE_SERVICE_MANAGEMENT_RESOURCE_ID.toLowerCase();

/** The window ending at `end`, both ends included. */
export function lookbackWindow(end: Date, days: number): Window {
  const endMs = end.getTime();
  return { startMs: endMs - days * 86_400_000, endMs };
}

/** Which phase a sign-in is evidence for, by rule 1, or undefined when it is out of scope. */
export function phaseOf(signIn: SignIn): 1 | 2 | undefined {
  const app = APP_BY_ID.get(signIn.appId.toLowerCase());
  if (app !== undefined) {
    return app.phase;
  }
  return signIn.resourceId?.toLowerCase() === RESOURCE_ID ? 2 : undefined;
}

/**
 * Non-interactive (a silent token refresh): beta's signInEventTypes says so, or isInteractive is an explicit
 * false. A missing isInteractive is not evidence of a script.
 */
export function isNonInteractive(signIn: SignIn): boolean {
  return signIn.isInteractive === false || signIn.signInEventTypes?.includes("nonInteractiveUser") === true;
}

function add(
  entries: Map<string, EvidenceEntry>,
  signIn: SignIn,
  time: number,
  silent: boolean,
  count: number,
): void {
  const appId = signIn.appId.toLowerCase();
  const entry = entries.get(appId);
  if (entry === undefined) {
    const app = APP_BY_ID.get(appId)?.name ?? signIn.appDisplayName ?? AZURE_SERVICE_MANAGEMENT_NAME;
    entries.set(appId, { appId, app, lastSignIn: signIn.createdDateTime, count, silent: silent ? count : 0 });
    return;
  }
  entry.count += count;
  entry.silent += silent ? count : 0;
  if (time > Date.parse(entry.lastSignIn)) {
    entry.lastSignIn = signIn.createdDateTime;
  }
}

const newestFirst = (a: EvidenceEntry, b: EvidenceEntry) =>
  Date.parse(b.lastSignIn) - Date.parse(a.lastSignIn);

/** The sign-in's time when it counts as evidence (in scope, a counted outcome, in the window), else NaN. */
function countedAt(signIn: SignIn, window: Window): number {
  if (!EVIDENCE_CODES.has(signIn.status?.errorCode ?? -1)) {
    return Number.NaN;
  }
  const time = Date.parse(signIn.createdDateTime);
  return time >= window.startMs && time <= window.endMs ? time : Number.NaN;
}

const isRopc = (signIn: SignIn) => signIn.authenticationProtocol?.toLowerCase() === "ropc";

export function collectEvidence(signIns: readonly SignIn[], window: Window): Evidence {
  const phase1 = new Map<string, EvidenceEntry>();
  const phase2 = new Map<string, EvidenceEntry>();
  let ropc = false;
  let counted = 0;
  let interactive = 0;
  for (const signIn of signIns) {
    const phase = phaseOf(signIn);
    const time = phase === undefined ? Number.NaN : countedAt(signIn, window);
    if (Number.isNaN(time)) {
      continue;
    }
    const silent = isNonInteractive(signIn);
    // A summarised row (the tenant scan's non-interactive sign-ins) stands for signInCount sign-ins.
    const count = signIn.signInCount ?? 1;
    add(phase === 1 ? phase1 : phase2, signIn, time, silent, count);
    counted += count;
    if (!silent) {
      interactive += count;
    }
    if (isRopc(signIn)) {
      ropc = true;
    }
  }
  return {
    phase1: [...phase1.values()].sort(newestFirst),
    phase2: [...phase2.values()].sort(newestFirst),
    ropc,
    counted,
    interactive,
  };
}

/**
 * Whether rule 6 turns on the user's signInActivity: counted in-scope sign-ins, every one silent, none by
 * ROPC (which makes a suspect anyway). Only then is the 10-a-minute read worth its cost. The same answer
 * as the evidence's counts would give, in one pass that stops at the first interactive or ROPC sign-in:
 * the report scan asks it of every user who signed in.
 */
export function restsOnSignInActivity(signIns: readonly SignIn[], window: Window): boolean {
  let counted = 0;
  for (const signIn of signIns) {
    if (phaseOf(signIn) === undefined || Number.isNaN(countedAt(signIn, window))) {
      continue;
    }
    const count = signIn.signInCount ?? 1;
    if (isRopc(signIn) || (count > 0 && !isNonInteractive(signIn))) {
      return false;
    }
    counted += count;
  }
  return counted > 0;
}
