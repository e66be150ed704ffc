import type { WalkthroughMethod } from "./methods";

/** A Microsoft page a step links to. */
export interface StepLink {
  title: string;
  url: string;
}

/** What differs per platform (Windows, macOS, iOS, Android). */
export interface PlatformNote {
  platform: string;
  text: string;
}

/**
 * One step. The kind picks the card template: "instructions" (walkthrough-step), "checklist"
 * (walkthrough-checklist, items the owner ticks), "verify" (walkthrough-verify, checks with Graph).
 */
export interface StepDefinition {
  kind: "instructions" | "checklist" | "verify";
  title: string;
  text: string;
  bullets?: string[];
  platformNotes?: PlatformNote[];
  links?: StepLink[];
  /** For checklist steps: the items, by id. */
  items?: Array<{ id: string; text: string }>;
  /** Offer "I can't sign in: ask for a Temporary Access Pass" on this step. */
  offerTemporaryAccessPass?: boolean;
}

export interface WalkthroughDefinition {
  method: WalkthroughMethod;
  title: string;
  /** Why this matters for mandatory MFA, one sentence. */
  why: string;
  steps: StepDefinition[];
}

export const MY_SECURITY_INFO: StepLink = {
  title: "Open My Security info",
  url: "https://aka.ms/mysecurityinfo",
};
