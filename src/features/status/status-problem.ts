import type { Tone } from "./headline";

/** When Graph gave no Retry-After the busy card still names a wait, so the user knows when to come back. */
export const DEFAULT_BUSY_SECONDS = 30;

/**
 * Why a status check gave no verdict. `directory` carries a DirectoryError's reason; `deadline` is ours
 * (Graph did not answer within the Teams invoke limit); `notInTenant` is a user the directory does not hold.
 */
export type StatusProblemKind =
  | "throttled"
  | "deadline"
  | "timeout"
  | "unavailable"
  | "forbidden"
  | "noPremium"
  | "unauthenticated"
  | "notInTenant"
  | "unexpected";

export interface StatusProblem {
  kind: StatusProblemKind;
  /** Seconds to wait before trying again, when Graph said so. */
  retryAfterSeconds?: number;
  /** The Graph permission an admin must grant (forbidden). */
  permission?: string;
  /** A sentence for the admin from the directory (DirectoryError), when it has one. */
  adminHint?: string;
  /** Short id to quote to an admin; the details are in the log under the same id. */
  reference?: string;
}

/** Data for adaptiveCards/status-problem.json: what went wrong and what to do, never a stack trace. */
export interface ProblemCardData {
  kind: StatusProblemKind;
  tone: Tone;
  title: string;
  what: string;
  todo: string;
  adminLine: string;
  retry: boolean;
}

const wait = (seconds: number | undefined, fallback: string) =>
  seconds === undefined || seconds <= 0 ? fallback : `Try again in ${Math.ceil(seconds)} s.`;

export function buildProblemView(problem: StatusProblem): ProblemCardData {
  const reference = problem.reference === undefined ? "" : ` (reference ${problem.reference})`;
  const adminHint = problem.adminHint ?? "";
  switch (problem.kind) {
    case "throttled":
      return {
        kind: problem.kind,
        tone: "warning",
        title: "Microsoft Graph is busy",
        what: "Too many requests reached Microsoft Graph for your organisation just now, so your status could not be read.",
        todo: wait(problem.retryAfterSeconds, "Try again in a minute."),
        adminLine: "",
        retry: true,
      };
    case "deadline":
    case "timeout":
      return {
        kind: problem.kind,
        tone: "warning",
        title: "Microsoft Graph is busy",
        what: "Microsoft Graph did not answer in time, so your status could not be read yet. I keep asking in the background.",
        todo: wait(problem.retryAfterSeconds ?? DEFAULT_BUSY_SECONDS, "Try again in a minute."),
        adminLine: "",
        retry: true,
      };
    case "unavailable":
      return {
        kind: problem.kind,
        tone: "warning",
        title: "Microsoft Graph is not available",
        what: "Microsoft Graph answered with an error, so your status could not be read.",
        todo: wait(problem.retryAfterSeconds, "Try again in a few minutes."),
        adminLine: adminHint,
        retry: true,
      };
    case "forbidden": {
      const permission = problem.permission ?? "a Microsoft Graph permission it needs";
      return {
        kind: problem.kind,
        tone: "attention",
        title: "MFA Ready is not allowed to read your status",
        what: `Microsoft Graph refused the request: the app lacks ${permission}.`,
        todo: "Ask your Microsoft Entra admin to grant it; then press Try again.",
        adminLine:
          adminHint ||
          `Admin: in the Microsoft Entra admin center, open the MFA Ready app registration > API permissions, add the Microsoft Graph application permission ${permission} and grant admin consent.`,
        retry: true,
      };
    }
    case "noPremium":
      return {
        kind: problem.kind,
        tone: "warning",
        title: "Your organisation's licence does not include this data",
        what: "Microsoft Graph keeps sign-in logs only for tenants with Microsoft Entra ID P1.",
        todo: "Ask your admin whether a P1 licence is planned; meanwhile check your methods at https://aka.ms/mysecurityinfo.",
        adminLine: adminHint,
        retry: false,
      };
    case "unauthenticated":
      return {
        kind: problem.kind,
        tone: "attention",
        title: "MFA Ready cannot sign in to Microsoft Graph",
        what: "The app's own credential was refused, so nobody's status can be read right now.",
        todo: "Tell your Microsoft Entra admin; there is nothing you need to change.",
        adminLine: adminHint,
        retry: true,
      };
    case "notInTenant":
      return {
        kind: problem.kind,
        tone: "warning",
        title: "We could not find your account",
        what: "The account you use in Teams is not a user of the organisation that MFA Ready checks.",
        todo: "If you are a guest here, ask the bot in your own organisation's Teams. If you think this is wrong, tell your admin.",
        adminLine: "",
        retry: false,
      };
    case "unexpected":
      return {
        kind: problem.kind,
        tone: "attention",
        title: "Something went wrong",
        what: "Your status could not be checked because of an unexpected error.",
        todo: `Try again in a minute. If it keeps happening, tell your admin${reference}.`,
        adminLine: "",
        retry: true,
      };
  }
}
