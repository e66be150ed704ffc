import type { Activity } from "botbuilder";

interface TeamsChannelData {
  tenant?: { id?: unknown };
}

/** The tenant an activity comes from: Teams puts it in channelData.tenant.id, Bot Service in conversation.tenantId. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as TeamsChannelData | undefined)?.tenant?.id;
  const id = typeof fromChannelData === "string" ? fromChannelData : activity.conversation?.tenantId;
  return typeof id === "string" && id.length > 0 ? id.toLowerCase() : undefined;
}

/** An empty allow-list admits every tenant; otherwise the activity must name one of them. */
export function isTenantAllowed(tenantId: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.length === 0) {
    return true;
  }
  return tenantId !== undefined && allowed.includes(tenantId);
}
