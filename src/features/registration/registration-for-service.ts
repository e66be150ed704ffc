import type { Config } from "../../config";
import type { Directory } from "../../directory/directory";
import type { Logger } from "../../logger";
import type { EmbeddedStores } from "../../storage";
import type { Messenger } from "../messaging/messenger";
import type { StatusSource } from "../status/create-status-service";
import { resolveStatusSettings } from "../status/status-settings";
import type { Actor } from "./actor";
import { type Registration, createRegistration } from "./create-registration";

/**
 * The composition root's one call: the same tenant, settings and look-back window as the status checks
 * (in demo mode the window ends at the snapshot's capture time), the embedded stores and the messenger.
 */
export function createRegistrationFor(
  config: Pick<Config, "assessment">,
  logger: Logger,
  stores: Pick<EmbeddedStores, "walkthroughs" | "tapRequests" | "auditLog">,
  directory: Directory,
  messenger: Messenger,
  source: StatusSource | undefined,
  options: { now?: () => Date; onVerified?: (actor: Actor) => void } = {},
): Registration {
  const capturedAt = source?.snapshot === undefined ? undefined : new Date(source.snapshot.capturedAt);
  return createRegistration({
    directory,
    walkthroughStore: stores.walkthroughs,
    tapRequestStore: stores.tapRequests,
    auditLog: stores.auditLog,
    messenger,
    settings: resolveStatusSettings(config.assessment, source?.snapshot?.settings),
    lookbackDays: config.assessment.lookbackDays,
    logger,
    tenantId: source?.tenantId,
    clock: options.now,
    windowEnd: capturedAt === undefined || Number.isNaN(capturedAt.getTime()) ? undefined : () => capturedAt,
    onVerified: options.onVerified,
  });
}
