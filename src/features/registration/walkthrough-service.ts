import type { Directory } from "../../directory/directory";
import type { ProductTenantSettings } from "../../directory/graph-types";
import type { Actor } from "../../domain/actor";
import type { WalkthroughRecord } from "../../domain/walkthrough-record";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import { breakGlassAccountIds } from "../authz/break-glass-accounts";
import { readRoles } from "../authz/roles";
import { notice, type RegistrationView } from "./actor";
import { METHOD_TITLES, type WalkthroughMethod } from "./methods";
import { allowedAlternatives, checkPolicy } from "./policy-check";
import { readUserContext, type UserContext } from "./user-context";
import { methodsOfKind, type Verification, verifyBreakGlassAccounts, verifyOwnMethod } from "./verification";
import type { WalkthroughStore } from "./walkthrough-store";
import { blockedView, stepView, verifiedView } from "./walkthrough-view";
import { DEFINITIONS } from "./walkthroughs";
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
    const context = await this.context(actor.userId);
    const check = checkPolicy(method, context.policy, context.subject);
    if (!check.allowed) {
      this.options.logger.info(
        { event: "walkthrough.blocked", method, problems: check.problems.length },
        "walkthrough blocked by policy",
      );
      return blockedView(check, allowedAlternatives(method, context.policy, context.subject));
    }
    const existing = await this.options.store.get(actor.tenantId, actor.userId, method);
    if (existing?.status === "active" && !options.restart) {
      return this.render(existing, context);
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
    return this.render(record, context);
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
    return this.render(record);
  }

  async saveChecklist(
    actor: Actor,
    method: WalkthroughMethod,
    inputs: Record<string, unknown>,
  ): Promise<RegistrationView> {
    const record = await this.options.store.get(actor.tenantId, actor.userId, method);
    if (record?.status !== "active") {
      return this.start(actor, method);
    }
    const step = DEFINITIONS[method].steps.find((item) => item.kind === "checklist");
    record.checklist = (step?.items ?? [])
      .filter((item) => inputs[item.id] === "true" || inputs[item.id] === true)
      .map((item) => item.id);
    record.updatedAt = this.options.clock().toISOString();
    await this.options.store.save(record);
    return this.render(record);
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
    return notice(
      `${METHOD_TITLES[method]}: cancelled`,
      "Nothing was changed on your account. You can start again at any time.",
      {
        resume: { method, title: "Start again" },
      },
    );
  }

  /** Checks with Graph; success turns the card green, marks the walkthrough done and refreshes the status. */
  async verify(actor: Actor, method: WalkthroughMethod): Promise<RegistrationView> {
    const record = await this.options.store.get(actor.tenantId, actor.userId, method);
    if (record?.status !== "active") {
      return this.start(actor, method);
    }
    const verifyStep = DEFINITIONS[method].steps.findIndex((item) => item.kind === "verify");
    const context = await this.context(actor.userId);
    const result = await this.check(actor, method, record, context);
    await this.options.auditLog.record({
      tenantId: actor.tenantId,
      actorId: actor.userId,
      actorName: actor.name,
      action: "walkthrough.verification",
      subjectId: actor.userId,
      outcome: result.verified ? "success" : "failed",
      detail: { method, found: result.verified ? result.found.length : 0 },
    });
    this.options.logger.info(
      { event: "walkthrough.verification", method, verified: result.verified },
      "walkthrough verified",
    );
    if (!result.verified) {
      record.step = verifyStep;
      record.updatedAt = this.options.clock().toISOString();
      await this.options.store.save(record);
      return stepView(record, { failure: result, checkedAt: this.options.clock() });
    }
    await this.options.store.save({
      ...record,
      status: "verified",
      updatedAt: this.options.clock().toISOString(),
    });
    this.options.onVerified?.(actor);
    const after = method === "breakGlass" || method === "workloadIdentity" ? undefined : context.verdict;
    const statusLine =
      after === undefined
        ? "The status cards of the accounts concerned update the next time they are opened."
        : after.mfaReady
          ? "Your status: ready for mandatory MFA for Azure. Your status card shows it the next time you open it."
          : "Your status card shows what is left to do.";
    return verifiedView(method, result.found, statusLine);
  }

  private async check(
    actor: Actor,
    method: WalkthroughMethod,
    record: WalkthroughRecord,
    context: UserContext,
  ): Promise<Verification> {
    if (method === "workloadIdentity") {
      const items = DEFINITIONS.workloadIdentity.steps.find((step) => step.kind === "checklist")?.items ?? [];
      const open = items.filter((item) => !record.checklist.includes(item.id));
      return open.length === 0
        ? { verified: true, found: items.map((item) => `Done: ${item.text}`) }
        : { verified: false, missing: `Still to do: ${open.map((item) => item.text).join(" ")}`, seen: [] };
    }
    if (method === "breakGlass") {
      const ids = await breakGlassAccountIds(this.options.directory, this.options.settings);
      // An admin checks every account; anyone else only the account they are signed in as.
      const roles = await readRoles(this.options.directory, actor.userId);
      const checked = roles.holdsAnyDirectoryRole
        ? ids
        : ids.filter((id) => id === actor.userId.toLowerCase());
      const verdicts = await Promise.all(checked.map(async (id) => (await this.context(id)).verdict));
      return verifyBreakGlassAccounts(verdicts);
    }
    return verifyOwnMethod(method, context.facts, context.verdict, record.baseline, record.startedAt);
  }

  /** The active walkthroughs of a user, to resume ("continue where I left off"). */
  active(actor: Actor): Promise<WalkthroughRecord[]> {
    return this.options.store.active(actor.tenantId, actor.userId);
  }

  private async render(record: WalkthroughRecord, known?: UserContext): Promise<RegistrationView> {
    const method = record.method as WalkthroughMethod;
    const needsLive = record.step === 0 || (method === "certificate" && record.step === 1);
    if (!needsLive) {
      return stepView(record);
    }
    const context = known ?? (await this.context(record.userId));
    return stepView(record, {
      policy: checkPolicy(method, context.policy, context.subject),
      plan: method === "workloadIdentity" ? workloadPlan(context.facts.signIns) : undefined,
    });
  }
}
