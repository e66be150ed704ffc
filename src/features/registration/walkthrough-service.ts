import type { Directory } from "../../directory/directory";
import type { ProductTenantSettings } from "../../directory/graph-types";
import type { Actor } from "../../domain/actor";
import type { WalkthroughRecord } from "../../domain/walkthrough-record";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import { keepLiveMethods, type LiveMethodsWriter } from "../report/live-methods-store";
import { notice, type RegistrationView } from "./actor";
import type { DemoTenant } from "./demo-tenant";
import { methodTitle, type WalkthroughMethod } from "./methods";
import { allowedAlternatives, checkPolicy } from "./policy-check";
import { type Texts, textsOf } from "./texts";
import { readUserContext, type UserContext } from "./user-context";
import { methodsOfKind } from "./verification";
import { checkWalkthrough } from "./walkthrough-check";
import type { WalkthroughStore } from "./walkthrough-store";
import { blockedView, stepView, verifiedView } from "./walkthrough-view";
import { DEFINITIONS } from "./walkthroughs";
import { readTypedAppId } from "./workload-check";
import { workloadPlan } from "./workload-plan";

/** The Directory port; roles are read through it at the moment of an action. */
export type WalkthroughDirectory = Directory;

export interface WalkthroughServiceOptions {
  directory: WalkthroughDirectory;
  store: WalkthroughStore;
  auditLog: AuditLog;
  settings: ProductTenantSettings;
  lookbackDays: number;
  clock: () => Date;
  windowEnd: () => Date;
  logger: Logger;
  /** After a verification succeeds: forget the user's cached status so their status card refreshes. */
  onVerified?: (actor: Actor) => void;
  /** Where each "Check now" keeps the typed methods it read (the report and audiences lean on them). */
  liveMethods?: LiveMethodsWriter;
  /** Only when the directory is the demo's Graph simulator: registers a passkey there for the verify step's demo button. */
  demo?: DemoTenant;
}

/** Walkthroughs as stored state: start (policy first), step, verify against Graph, start over, cancel. */
export class WalkthroughService {
  constructor(private readonly options: WalkthroughServiceOptions) {}

  private context(userId: string): Promise<UserContext> {
    return readUserContext(this.options.directory, userId, this.options);
  }

  /** Starts, or resumes the active walkthrough where the user left it; `restart` begins again at step 1. */
  async start(
    actor: Actor,
    method: WalkthroughMethod,
    options: { restart?: boolean } = {},
  ): Promise<RegistrationView> {
    const texts = textsOf(actor.locale);
    const context = await this.context(actor.userId);
    const check = checkPolicy(method, context.policy, context.subject, texts);
    if (!check.allowed) {
      this.options.logger.info(
        { event: "walkthrough.blocked", method, problems: check.problems.length },
        "walkthrough blocked by policy",
      );
      return blockedView(check, allowedAlternatives(method, context.policy, context.subject), texts);
    }
    const existing = await this.options.store.get(actor.tenantId, actor.userId, method);
    if (existing?.status === "active" && !options.restart) {
      return this.render(existing, texts, context);
    }
    const now = this.options.clock().toISOString();
    const record: WalkthroughRecord = {
      tenantId: actor.tenantId,
      userId: actor.userId,
      method,
      status: "active",
      step: 0,
      startedAt: now,
      updatedAt: now,
      baseline: methodsOfKind(method, context.facts.methods).map((item) => item.id),
      checklist: [],
    };
    await this.options.store.save(record);
    this.options.logger.info(
      { event: "walkthrough.started", method, restart: options.restart === true },
      "walkthrough started",
    );
    return this.render(record, texts, context);
  }

  /** Next or Back from the step the card showed; a stale card (another step stored) just shows the stored one. */
  async move(
    actor: Actor,
    method: WalkthroughMethod,
    fromStep: unknown,
    delta: 1 | -1,
  ): Promise<RegistrationView> {
    const record = await this.options.store.get(actor.tenantId, actor.userId, method);
    if (record?.status !== "active") {
      return this.start(actor, method);
    }
    if (Number(fromStep) === record.step) {
      const last = DEFINITIONS[method].steps.length - 1;
      record.step = Math.min(last, Math.max(0, record.step + delta));
      record.updatedAt = this.options.clock().toISOString();
      await this.options.store.save(record);
    }
    return this.render(record, textsOf(actor.locale));
  }

  /**
   * Saves the ticked items and, for a workload identity, the new identity's app id (a bad one: a friendly
   * line on the card and nothing stored). The save is the owner saying "moved": the sign-in check reads from it.
   */
  async saveChecklist(
    actor: Actor,
    method: WalkthroughMethod,
    inputs: Record<string, unknown>,
  ): Promise<RegistrationView> {
    const record = await this.options.store.get(actor.tenantId, actor.userId, method);
    if (record?.status !== "active") {
      return this.start(actor, method);
    }
    const texts = textsOf(actor.locale);
    const typed = method === "workloadIdentity" ? readTypedAppId(inputs.workloadAppId) : undefined;
    const step = DEFINITIONS[method].steps.find((item) => item.kind === "checklist");
    const ticked = (step?.items ?? []).filter((id) => inputs[id] === "true" || inputs[id] === true);
    if (typed?.kind === "invalid") {
      this.options.logger.info({ event: "walkthrough.badAppId", method }, "checklist app id refused");
      // The card keeps what was typed and ticked, so it can be corrected; the store keeps the last save.
      const shown = {
        ...record,
        checklist: ticked,
        workloadAppId: String(inputs.workloadAppId).slice(0, 100),
      };
      return stepView(shown, texts, { appIdError: texts.t("registration.workload.appIdInvalid") });
    }
    record.checklist = ticked;
    if (typed?.kind === "set") {
      record.workloadAppId = typed.appId;
    }
    record.updatedAt = this.options.clock().toISOString();
    record.checklistSavedAt = record.updatedAt;
    await this.options.store.save(record);
    return this.render(record, texts);
  }

  async cancel(actor: Actor, method: WalkthroughMethod): Promise<RegistrationView> {
    const record = await this.options.store.get(actor.tenantId, actor.userId, method);
    if (record?.status === "active") {
      await this.options.store.save({
        ...record,
        status: "cancelled",
        updatedAt: this.options.clock().toISOString(),
      });
    }
    const { t } = textsOf(actor.locale);
    return notice(
      t("registration.step.cancelledTitle", { method: methodTitle(method, t) }),
      t("registration.step.cancelledText"),
      { resume: { method, title: t("registration.step.startAgain") } },
    );
  }

  /** Checks with Graph; success turns the card green, marks the walkthrough done and refreshes the status. */
  async verify(actor: Actor, method: WalkthroughMethod): Promise<RegistrationView> {
    const record = await this.options.store.get(actor.tenantId, actor.userId, method);
    if (record?.status !== "active") {
      return this.start(actor, method);
    }
    const texts = textsOf(actor.locale);
    const { t } = texts;
    const verifyStep = DEFINITIONS[method].steps.findIndex((item) => item.kind === "verify");
    // The sign-in check needs none of the user's facts: skip that read (its sign-ins count against the audit-log limit).
    const context = method === "workloadIdentity" ? undefined : await this.context(actor.userId);
    if (context?.facts.methods !== undefined) {
      await keepLiveMethods(
        this.options.liveMethods,
        {
          tenantId: actor.tenantId,
          userId: actor.userId,
          readAt: this.options.clock().toISOString(),
          source: "verification",
          methods: context.facts.methods,
          verdict: context.verdict,
        },
        this.options.logger,
      );
    }
    const result = await checkWalkthrough(this.options, { actor, method, record, context, texts }, (userId) =>
      this.context(userId),
    );
    await this.options.auditLog.record({
      tenantId: actor.tenantId,
      actorId: actor.userId,
      actorName: actor.name,
      action: "walkthrough.verification",
      subjectId: actor.userId,
      outcome: result.verified ? "success" : "failed",
      detail: {
        method,
        found: result.verified ? result.found.length : 0,
        ...(method === "workloadIdentity" && record.workloadAppId
          ? { workloadAppId: record.workloadAppId }
          : {}),
      },
    });
    this.options.logger.info(
      { event: "walkthrough.verification", method, verified: result.verified },
      "walkthrough verified",
    );
    if (!result.verified) {
      record.step = verifyStep;
      record.updatedAt = this.options.clock().toISOString();
      await this.options.store.save(record);
      return stepView(record, texts, {
        failure: result,
        checkedAt: this.options.clock(),
        simulatePasskey: this.options.demo !== undefined,
      });
    }
    await this.options.store.save({
      ...record,
      status: "verified",
      updatedAt: this.options.clock().toISOString(),
    });
    this.options.onVerified?.(actor);
    const after = method === "breakGlass" ? undefined : context?.verdict;
    const statusLine = t(
      after === undefined
        ? "registration.step.statusOthers"
        : after.mfaReady
          ? "registration.step.statusReady"
          : "registration.step.statusLeft",
    );
    return verifiedView(method, result.found, statusLine, texts);
  }

  /**
   * The demo's "Simulate registering a passkey": only when the directory is the Graph simulator (decided by
   * the composition root, never by the card). Registers a passkey for the actor, and only the actor, through
   * the simulator's own write endpoint, then checks as "Check now" does.
   */
  async simulatePasskey(actor: Actor, method: WalkthroughMethod): Promise<RegistrationView> {
    const { t } = textsOf(actor.locale);
    const record = await this.options.store.get(actor.tenantId, actor.userId, method);
    if (this.options.demo === undefined || method !== "passkey") {
      return notice(t("registration.demo.notDemo"), t("registration.demo.notDemoText"), {
        tone: "attention",
        resume: { method, title: t("registration.step.start") },
      });
    }
    if (record?.status !== "active") {
      return this.start(actor, method);
    }
    try {
      await this.options.demo.registerPasskey(actor.userId, t("registration.demo.passkeyName"));
    } catch (error) {
      this.options.logger.warn(
        { event: "walkthrough.demoPasskeyFailed", err: { message: (error as Error).message } },
        "demo passkey not registered",
      );
      return notice(t("registration.demo.failedTitle"), t("registration.demo.failed"), {
        tone: "warning",
        resume: { method, title: t("registration.step.start") },
      });
    }
    this.options.logger.info({ event: "walkthrough.demoPasskey", method }, "demo passkey registered");
    return this.verify(actor, method);
  }

  /** The active walkthroughs of a user, to resume ("continue where I left off"). */
  active(actor: Actor): Promise<WalkthroughRecord[]> {
    return this.options.store.active(actor.tenantId, actor.userId);
  }

  private async render(
    record: WalkthroughRecord,
    texts: Texts,
    known?: UserContext,
  ): Promise<RegistrationView> {
    const method = record.method as WalkthroughMethod;
    const demo = { simulatePasskey: this.options.demo !== undefined };
    const needsLive = record.step === 0 || (method === "certificate" && record.step === 1);
    if (!needsLive) {
      return stepView(record, texts, demo);
    }
    const context = known ?? (await this.context(record.userId));
    return stepView(record, texts, {
      ...demo,
      policy: checkPolicy(method, context.policy, context.subject, texts),
      plan: method === "workloadIdentity" ? workloadPlan(context.facts.signIns, texts.t) : undefined,
    });
  }
}
