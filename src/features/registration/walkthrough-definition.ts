import type { TFunction } from "i18next";

import type { WalkthroughMethod } from "./methods";

/** A Microsoft page a step links to; its title is registration.links.<key>. */
export interface StepLink {
  key: string;
  url: string;
}

/**
 * One step, as keys: its strings are registration.walkthroughs.<method>.steps.<key>.{title, text,
 * bullets.<id>, platforms.<id>, items.<id>} in the reader's language. The kind picks the card template:
 * "instructions" (walkthrough-step), "checklist" (walkthrough-checklist, items the owner ticks), "verify"
 * (walkthrough-verify, checks with Graph).
 */
export interface StepDefinition {
  kind: "instructions" | "checklist" | "verify";
  key: string;
  bullets?: readonly string[];
  /** What differs per platform: registration.platforms.<id> names it. */
  platforms?: readonly string[];
  links?: readonly StepLink[];
  /** For checklist steps: the items' ids. */
  items?: readonly string[];
  /** Offer "I can't sign in: ask for a Temporary Access Pass" on this step. */
  offerTemporaryAccessPass?: boolean;
}

/** A walkthrough's steps; its title and "why" are registration.walkthroughs.<method>.{title, why}. */
export interface WalkthroughDefinition {
  method: WalkthroughMethod;
  steps: readonly StepDefinition[];
}

export const MY_SECURITY_INFO: StepLink = { key: "mySecurityInfo", url: "https://aka.ms/mysecurityinfo" };

/** One step in the reader's language, as the cards show it. */
export interface LocalStep {
  kind: StepDefinition["kind"];
  title: string;
  text: string;
  bullets: string[];
  platformNotes: Array<{ platform: string; text: string }>;
  links: Array<{ title: string; url: string }>;
  items: Array<{ id: string; text: string }>;
  offerTemporaryAccessPass: boolean;
}

export function localStep(method: WalkthroughMethod, step: StepDefinition, t: TFunction): LocalStep {
  const base = `registration.walkthroughs.${method}.steps.${step.key}`;
  return {
    kind: step.kind,
    title: t(`${base}.title`),
    text: t(`${base}.text`),
    bullets: (step.bullets ?? []).map((id) => t(`${base}.bullets.${id}`)),
    platformNotes: (step.platforms ?? []).map((id) => ({
      platform: t(`registration.platforms.${id}`),
      text: t(`${base}.platforms.${id}`),
    })),
    links: (step.links ?? []).map((link) => ({ title: t(`registration.links.${link.key}`), url: link.url })),
    items: (step.items ?? []).map((id) => ({ id, text: t(`${base}.items.${id}`) })),
    offerTemporaryAccessPass: step.offerTemporaryAccessPass === true,
  };
}

export const walkthroughTitle = (method: WalkthroughMethod, t: TFunction): string =>
  t(`registration.walkthroughs.${method}.title`);

export const walkthroughWhy = (method: WalkthroughMethod, t: TFunction): string =>
  t(`registration.walkthroughs.${method}.why`);
