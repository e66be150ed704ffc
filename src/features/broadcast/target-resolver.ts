import type { Directory } from "../../directory/directory";
import { DirectoryError } from "../../directory/errors";
import type { Delivery } from "../../domain/broadcast";
import type { ConversationReferenceStore } from "../messaging/conversation-reference-store";
import type { BroadcastTransport, ContactOutcome, ContactTarget, SendTarget } from "./transport";

export type TargetResolution =
  | { kind: "target"; target: SendTarget }
  | { kind: "fail"; reason: string }
  /** Not now: the row stays pending for a later pass; `throttledMs` when Teams answered 429. */
  | { kind: "retry"; reason: string; throttledMs?: number };

export interface TargetResolverOptions {
  conversationReferences: Pick<ConversationReferenceStore, "get" | "save">;
  directory: Pick<Directory, "installApp">;
  transport: Pick<BroadcastTransport, "createConversation">;
  /** The Teams app id of the manifest; without it users who do not have the app cannot be reached. */
  teamsAppId?: string;
  /** TEAMS_SERVICE_URL: where new chats live (the tenant's region). */
  serviceUrl?: string;
  now(): number;
}

/**
 * Waits for a Bot Connector slot (tenant limiter and send-time guard): opening a chat is one request. Call
 * what it gives back when Teams answers: the limits count the request from then if that is sooner.
 */
export type AdmitConnector = () => Promise<() => void>;

/**
 * `fallbackServiceUrl`: the admin's own service URL (same tenant, same region) when none is configured.
 * `admit`: called before each Bot Connector request it makes.
 */
export type TargetResolver = (
  tenantId: string,
  delivery: Delivery,
  fallbackServiceUrl: string | undefined,
  admit: AdmitConnector,
) => Promise<TargetResolution>;

/** The chat a row already has: the one a crashed attempt used, else the stored conversation reference. */
export type ReadyTarget = (tenantId: string, delivery: Delivery) => Promise<SendTarget | undefined>;

export function createReadyTarget(
  options: Pick<TargetResolverOptions, "conversationReferences">,
): ReadyTarget {
  return async (tenantId, delivery) => {
    const base = { tenantId, userId: delivery.userId };
    if (delivery.conversationId && delivery.serviceUrl) {
      return { ...base, conversationId: delivery.conversationId, serviceUrl: delivery.serviceUrl };
    }
    const stored = await options.conversationReferences.get(tenantId, delivery.userId);
    const locale = stored?.reference.locale;
    return stored
      ? {
          ...base,
          conversationId: stored.conversationId,
          serviceUrl: stored.serviceUrl,
          ...(locale ? { locale } : {}),
        }
      : undefined;
  };
}

/**
 * First contact the cheapest way (DOMAIN.md "Teams: what a bot may send"). A chat already known costs
 * nothing; an app already installed costs one Bot Connector request (`POST /v3/conversations`, no Graph
 * call); an app not installed costs a Graph install (30/s per tenant, paced by the directory's limiter)
 * and then that request. Which to try first is learnt per job: while most recipients turned out to have
 * the app, the connector is asked first (a 403 "not in the roster" sends the row to Graph); once most of the
 * last eight did not, Graph is asked first (409 "already installed" is fine), which saves a connector request each.
 * Each chat opened is stored, so the next broadcast finds it.
 */
/** Contacts that may guess "installed" at once while unsure; the recent answers that decide. */
const PROBES = 4;
const RECENT = 8;

export function createTargetResolver(options: TargetResolverOptions): {
  ready: ReadyTarget;
  contact: TargetResolver;
} {
  const ready = createReadyTarget(options);
  // What the last few first contacts found (true: the app was installed), newest last.
  const recent: boolean[] = [];
  const learn = (installed: boolean) => {
    recent.push(installed);
    if (recent.length > RECENT) {
      recent.shift();
    }
    streak = installed ? streak + 1 : 0;
  };
  let streak = 0;
  // Guesses in flight are bounded by how sure the recent answers make it: a few while unsure, more
  // with each "installed" in a row; sixty-four at once would all guess blind.
  let guessing = 0;
  const waiting: Array<() => void> = [];
  const wakeAll = () => {
    for (const wake of waiting.splice(0)) {
      wake();
    }
  };
  const contact: TargetResolver = async (tenantId, delivery, fallbackServiceUrl, admit) => {
    const existing = await ready(tenantId, delivery);
    if (existing) {
      return { kind: "target", target: existing };
    }
    const serviceUrl = options.serviceUrl ?? fallbackServiceUrl;
    if (!serviceUrl) {
      return { kind: "fail", reason: "noConversation" };
    }
    const at: ContactTarget = { tenantId, userId: delivery.userId, serviceUrl };
    const open = async (): Promise<TargetResolution | "notInstalled"> => {
      const answered = await admit();
      const outcome: ContactOutcome = await options.transport.createConversation(at).finally(answered);
      if (outcome.kind === "created") {
        await options.conversationReferences.save({
          tenantId,
          userId: delivery.userId,
          conversationId: outcome.conversationId,
          serviceUrl,
          reference: {},
          updatedAt: new Date(options.now()).toISOString(),
        });
        return { kind: "target", target: { ...at, conversationId: outcome.conversationId } };
      }
      if (outcome.kind === "notInstalled") {
        return "notInstalled";
      }
      if (outcome.kind === "retryable") {
        return {
          kind: "retry",
          reason: `contact:${outcome.reason}`,
          ...(outcome.status === 429 ? { throttledMs: outcome.retryAfterMs ?? 1_000 } : {}),
        };
      }
      return { kind: "fail", reason: outcome.reason };
    };
    const notInstalledShare = () =>
      recent.filter((installed) => !installed).length / Math.max(1, recent.length);
    while (notInstalledShare() <= 0.5 && guessing >= PROBES + streak) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    const installFirst = notInstalledShare() > 0.5;
    if (!installFirst) {
      guessing += 1;
      let opened: Awaited<ReturnType<typeof open>>;
      try {
        opened = await open();
        if (opened === "notInstalled" || opened.kind === "target") {
          learn(opened !== "notInstalled");
        }
      } finally {
        guessing -= 1;
        wakeAll();
      }
      if (opened !== "notInstalled") {
        return opened;
      }
    }
    if (!options.teamsAppId) {
      return { kind: "fail", reason: "appNotInstalled" };
    }
    try {
      const { newlyInstalled } = await options.directory.installApp(delivery.userId, options.teamsAppId);
      if (installFirst) {
        learn(!newlyInstalled);
        wakeAll();
      }
    } catch (error) {
      if (error instanceof DirectoryError) {
        return error.retryable
          ? { kind: "retry", reason: `install:${error.reason}` }
          : { kind: "fail", reason: `install:${error.reason}` };
      }
      throw error;
    }
    const opened = await open();
    // Installed a moment ago and Teams does not know it yet: the row comes back in the next pass.
    return opened === "notInstalled" ? { kind: "retry", reason: "contact:notYetInstalled" } : opened;
  };
  return { ready, contact };
}
