/**
 * What the conversation recogniser can tell from one message: the job it asks for and the details it names.
 * Pure types and constants, no botbuilder types, so the router and an optional LLM planner share them.
 */
import type { MessageLanguage } from "./languages";

export const INTENTS = {
  status: "status",
  help: "help",
  greeting: "greeting",
  thanks: "thanks",
  registerPasskey: "registerPasskey",
  registerWhfb: "registerWhfb",
  registerCertificate: "registerCertificate",
  registerMfaMethod: "registerMfaMethod",
  temporaryAccessPass: "temporaryAccessPass",
  workloadIdentity: "workloadIdentity",
  postpone: "postpone",
  report: "report",
  broadcast: "broadcast",
  audit: "audit",
  unknown: "unknown",
} as const;

export type Intent = (typeof INTENTS)[keyof typeof INTENTS];

/** Every intent the recogniser scores; `unknown` is what it answers when none wins clearly. */
export type ScoredIntent = Exclude<Intent, "unknown">;

export const METHODS = ["passkey", "fido2", "whfb", "certificate", "authenticator", "phone"] as const;
export type Method = (typeof METHODS)[number];

export const TOOLS = ["cli", "powershell", "portal", "mobile", "terraform", "bicep", "sdk", "rest"] as const;
export type Tool = (typeof TOOLS)[number];

export interface Entities {
  method?: Method;
  phase?: 1 | 2;
  tool?: Tool;
  upn?: string;
  /** Another person named by a status question ("is ben affected?"): their words, lower case. */
  person?: string;
  days?: number;
  /** For the report intent: the CSV, a fresh scan, or the daily report on or off. */
  reportOption?: "csv" | "fresh" | "subscribe" | "unsubscribe";
}

export interface Recognition {
  intent: Intent;
  /** 0..1; `unknown` carries the confidence of the best rejected candidate. */
  confidence: number;
  entities: Entities;
  /** The message as matched: lowercase, markup and punctuation gone, contractions expanded. */
  normalised: string;
  /** The language the words are in, when they show it; "other" for one the bot does not speak. */
  language?: MessageLanguage;
}

/** The register job for each method: a request naming a method picks its walkthrough. */
export const REGISTER_INTENT_FOR: Readonly<Record<Method, ScoredIntent>> = {
  passkey: INTENTS.registerPasskey,
  fido2: INTENTS.registerPasskey,
  whfb: INTENTS.registerWhfb,
  certificate: INTENTS.registerCertificate,
  authenticator: INTENTS.registerMfaMethod,
  phone: INTENTS.registerMfaMethod,
};

export const REGISTER_INTENTS: ReadonlySet<Intent> = new Set(Object.values(REGISTER_INTENT_FOR));

/** Intents that fit almost any message; they only win when nothing specific is asked. */
export const SOFT_INTENTS: ReadonlySet<Intent> = new Set([INTENTS.greeting, INTENTS.help, INTENTS.thanks]);
