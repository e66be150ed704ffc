import type { WalkthroughRecord } from "../../domain/walkthrough-record";
import { readableTime, type RegistrationView } from "./actor";
import { METHOD_TITLES, type WalkthroughMethod } from "./methods";
import type { PolicyCheck } from "./policy-check";
import type { Verification } from "./verification";
import { DEFINITIONS } from "./walkthroughs";
import { type PlanLine, SAME_ROLES_NOTE } from "./workload-plan";

/** What only the live directory knows, shown on some steps. */
export interface StepExtras {
  policy?: PolicyCheck;
  plan?: PlanLine[];
  /** The last failed check, on the verify step. */
  failure?: Verification & { verified: false };
  checkedAt?: Date;
}

const TEMPLATE_BY_KIND = {
  instructions: "walkthrough-step",
  checklist: "walkthrough-checklist",
  verify: "walkthrough-verify",
} as const;

/** The card for the step a walkthrough record is on. */
export function stepView(record: WalkthroughRecord, extras: StepExtras = {}): RegistrationView {
  const method = record.method as WalkthroughMethod;
  const definition = DEFINITIONS[method];
  const index = Math.min(Math.max(record.step, 0), definition.steps.length - 1);
  const step = definition.steps[index]!;
  const last = index === definition.steps.length - 1;
  const common = {
    method,
    step: index,
    title: definition.title,
    progress: `Step ${index + 1} of ${definition.steps.length}`,
    stepTitle: step.title,
    text: step.text,
  };
  if (step.kind === "checklist") {
    const items = (step.items ?? []).map((item) => ({
      ...item,
      checked: record.checklist.includes(item.id) ? "true" : "false",
    }));
    const done = items.filter((item) => item.checked === "true").length;
    return {
      card: TEMPLATE_BY_KIND.checklist,
      data: { ...common, items, doneLine: `${done} of ${items.length} done.` },
    };
  }
  if (step.kind === "verify") {
    const failure = extras.failure;
    return {
      card: TEMPLATE_BY_KIND.verify,
      data: {
        ...common,
        verifyTitle: failure ? "Check again" : "Check now",
        missing: failure?.missing ?? "",
        seen: failure?.seen ?? [],
        checkedAt: extras.checkedAt ? readableTime(extras.checkedAt) : "",
      },
    };
  }
  const bullets = [...(step.bullets ?? [])];
  const notes = index === 0 ? [...(extras.policy?.notes ?? [])] : [];
  if (method === "workloadIdentity" && index === 0) {
    for (const line of extras.plan ?? []) {
      bullets.push(`Today: ${line.today}. Instead: ${line.replacement}.`);
    }
    bullets.push(SAME_ROLES_NOTE);
  }
  if (method === "certificate" && index === 1 && extras.policy) {
    notes.push(...extras.policy.notes);
  }
  return {
    card: TEMPLATE_BY_KIND.instructions,
    data: {
      ...common,
      why: index === 0 ? definition.why : "",
      bullets,
      platformNotes: step.platformNotes ?? [],
      notes,
      links: step.links ?? [],
      hasBack: index > 0,
      nextTitle: last ? "Done" : "Next",
      offerTap: step.offerTemporaryAccessPass === true,
    },
  };
}

/** The policy says no: why, what would work instead, and "ask an admin". */
export function blockedView(check: PolicyCheck, alternatives: WalkthroughMethod[]): RegistrationView {
  return {
    card: "walkthrough-blocked",
    data: {
      method: check.method,
      title: METHOD_TITLES[check.method],
      problems: check.problems,
      alternatives: alternatives.map((method) => ({ method, title: `Set up ${METHOD_TITLES[method]}` })),
      alternativesLine:
        alternatives.length > 0
          ? `What your organisation allows for you: ${alternatives.map((method) => METHOD_TITLES[method]).join(", ")}.`
          : "Your organisation's policy allows none of the other methods for you either.",
    },
  };
}

/** Green: what was found, and the user's status now. */
export function verifiedView(
  method: WalkthroughMethod,
  found: string[],
  statusLine: string,
): RegistrationView {
  return {
    card: "walkthrough-verified",
    data: { method, headline: "Done: it worked", title: DEFINITIONS[method].title, found, statusLine },
  };
}
