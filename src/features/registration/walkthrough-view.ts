import { view } from "../../cards/view";
import type { WalkthroughRecord } from "../../domain/walkthrough-record";
import type { RegistrationView } from "./actor";
import { methodTitle, type WalkthroughMethod } from "./methods";
import type { PolicyCheck } from "./policy-check";
import type { Texts } from "./texts";
import type { Verification } from "./verification";
import { localStep, walkthroughTitle, walkthroughWhy } from "./walkthrough-definition";
import { DEFINITIONS } from "./walkthroughs";
import { type PlanLine, sameRolesNote } from "./workload-plan";

/** What only the live directory knows, shown on some steps. */
export interface StepExtras {
  policy?: PolicyCheck;
  plan?: PlanLine[];
  /** The last failed check, on the verify step. */
  failure?: Verification & { verified: false };
  checkedAt?: Date;
  /** The checklist's app id was not one: say so on the card (nothing was stored). */
  appIdError?: string;
  /** The demo's directory is the Graph simulator: offer "Simulate registering a passkey" (passkey only). */
  simulatePasskey?: boolean;
}

/** The card for the step a walkthrough record is on, in the reader's language. */
export function stepView(record: WalkthroughRecord, texts: Texts, extras: StepExtras = {}): RegistrationView {
  const { t } = texts;
  const method = record.method as WalkthroughMethod;
  const definition = DEFINITIONS[method];
  const index = Math.min(Math.max(record.step, 0), definition.steps.length - 1);
  const step = localStep(method, definition.steps[index]!, t);
  const last = index === definition.steps.length - 1;
  const common = {
    method,
    step: index,
    title: walkthroughTitle(method, t),
    progress: t("registration.step.progress", { step: index + 1, count: definition.steps.length }),
    stepTitle: step.title,
    text: step.text,
  };
  if (step.kind === "checklist") {
    const items = step.items.map((item) => ({
      ...item,
      checked: record.checklist.includes(item.id) ? "true" : "false",
    }));
    const done = items.filter((item) => item.checked === "true").length;
    const workload = method === "workloadIdentity";
    return view("walkthrough-checklist", {
      ...common,
      items,
      doneLine: t("registration.step.doneLine", { done, count: items.length }),
      // Only a workload identity asks for the new identity's app id (optional; checked as a GUID on save).
      askAppId: workload,
      appId: workload ? (record.workloadAppId ?? "") : "",
      appIdError: workload ? (extras.appIdError ?? "") : "",
    });
  }
  if (step.kind === "verify") {
    const failure = extras.failure;
    return view("walkthrough-verify", {
      ...common,
      verifyTitle: t(
        failure
          ? "registration.step.checkAgain"
          : method === "workloadIdentity"
            ? "registration.workload.checkSignIns"
            : "registration.step.checkNow",
      ),
      missing: failure?.missing ?? "",
      seen: failure?.seen ?? [],
      checkedLine: extras.checkedAt
        ? t("registration.step.checked", { date: texts.time(extras.checkedAt) })
        : "",
      simulatePasskey: method === "passkey" && extras.simulatePasskey === true,
    });
  }
  const bullets = [...step.bullets];
  const notes = index === 0 ? [...(extras.policy?.notes ?? [])] : [];
  if (method === "workloadIdentity" && index === 0) {
    for (const line of extras.plan ?? []) {
      bullets.push(t("registration.step.planLine", { today: line.today, replacement: line.replacement }));
    }
    bullets.push(sameRolesNote(t));
  }
  if (method === "certificate" && index === 1 && extras.policy) {
    notes.push(...extras.policy.notes);
  }
  return view("walkthrough-step", {
    ...common,
    why: index === 0 ? walkthroughWhy(method, t) : "",
    bullets,
    platformNotes: step.platformNotes,
    notes,
    links: step.links,
    hasBack: index > 0,
    nextTitle: t(last ? "registration.step.done" : "registration.step.next"),
    offerTap: step.offerTemporaryAccessPass,
  });
}

/** The policy says no: why, what would work instead, and "ask an admin". */
export function blockedView(
  check: PolicyCheck,
  alternatives: WalkthroughMethod[],
  { t, list }: Texts,
): RegistrationView {
  const title = methodTitle(check.method, t);
  return view("walkthrough-blocked", {
    method: check.method,
    title,
    headline: t("registration.step.blockedHeadline", { method: title }),
    problems: check.problems,
    alternatives: alternatives.map((method) => ({
      method,
      title: t("registration.step.setUp", { method: methodTitle(method, t) }),
    })),
    alternativesLine:
      alternatives.length > 0
        ? t("registration.step.alternatives", {
            methods: list(alternatives.map((method) => methodTitle(method, t))),
          })
        : t("registration.step.noAlternatives"),
  });
}

/** Green: what was found, and the user's status now. */
export function verifiedView(
  method: WalkthroughMethod,
  found: string[],
  statusLine: string,
  { t }: Texts,
): RegistrationView {
  return view("walkthrough-verified", {
    method,
    headline: t("registration.step.verifiedHeadline"),
    title: walkthroughTitle(method, t),
    found,
    statusLine,
  });
}
