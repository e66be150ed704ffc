import type { Activity } from "botbuilder";

/**
 * The Microsoft 365 Agents Playground plays Teams (its channelId is "msteams", its clientInfo entity is the
 * Teams web client's) but is its own connector on this machine: its serviceUrl is
 * `http://localhost:<port>/_connector`. It shows no file consent card ("File Consent Card is not supported
 * yet"), nor does any client that is not Teams (Emulator, Web Chat).
 */
export function isAgentsPlayground(activity: Pick<Activity, "serviceUrl">): boolean {
  let url: URL;
  try {
    url = new URL(activity.serviceUrl ?? "");
  } catch {
    return false;
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return loopback && url.protocol === "http:" && /^\/_connector\/?$/.test(url.pathname);
}

/** Whether the client that sent the activity can answer Teams' file consent card. */
export function canTakeFileConsent(activity: Pick<Activity, "channelId" | "serviceUrl">): boolean {
  return activity.channelId === "msteams" && !isAgentsPlayground(activity);
}
