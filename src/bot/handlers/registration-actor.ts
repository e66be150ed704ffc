import type { TurnContext } from "botbuilder";
import type { Actor } from "../../features/registration/actor";
import { tenantOf } from "../tenant";

export interface ActionInvoke {
  action?: { verb?: unknown; data?: Record<string, unknown> };
}

/** The card's data (untrusted): only ever a method, a step, a request id or checklist inputs. */
export function cardData(context: TurnContext): Record<string, unknown> {
  const data = (context.activity.value as ActionInvoke | undefined)?.action?.data;
  return data !== null && typeof data === "object" && !Array.isArray(data) ? data : {};
}

export function verbOf(context: TurnContext): string {
  const verb = (context.activity.value as ActionInvoke | undefined)?.action?.verb;
  return typeof verb === "string" ? verb.slice(0, 64) : "";
}

/**
 * The acting user: the activity's tenant and from.aadObjectId, never ids from card data. Undefined when the
 * sender is not a user of the tenant the directory reads.
 */
export function actorOf(context: TurnContext, expectedTenant: string | undefined): Actor | undefined {
  const tenantId = tenantOf(context.activity);
  const userId = context.activity.from?.aadObjectId;
  if (!tenantId || typeof userId !== "string" || userId.length === 0) {
    return undefined;
  }
  if (expectedTenant !== undefined && expectedTenant.toLowerCase() !== tenantId) {
    return undefined;
  }
  const name = context.activity.from?.name;
  return { tenantId, userId: userId.toLowerCase(), ...(typeof name === "string" && name ? { name: name.slice(0, 120) } : {}) };
}
