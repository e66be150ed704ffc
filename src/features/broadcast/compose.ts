import type { AudienceSpec, BroadcastButton, BroadcastContent } from "../../domain/broadcast";
import { GUIDANCE, isGuidanceCode } from "../status/guidance";
import { cleanText, disallowedLinks, isAllowedUrl } from "./message-text";

/** Limits: a Teams card stays well under the 28 KB message limit, and a notice stays readable. */
export const LIMITS = {
  titleChars: 120,
  messageChars: 4_000,
  messageLines: 60,
  upns: 5_000,
  buttonTitleChars: 40,
  remindDays: 60,
} as const;

export const AUDIENCE_KINDS = [
  "affected-not-ready",
  "affected",
  "phase2",
  "break-glass",
  "group",
  "upns",
] as const;

/** What the compose card (or the command line) submits; every field is untrusted. */
export interface ComposeInput {
  title?: unknown;
  message?: unknown;
  audience?: unknown;
  groupId?: unknown;
  upns?: unknown;
  buttonCode?: unknown;
  buttonUrl?: unknown;
  buttonTitle?: unknown;
  remindDays?: unknown;
}

export type ComposeResult = { ok: true; content: BroadcastContent } | { ok: false; problems: string[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const text = (value: unknown) => (typeof value === "string" ? cleanText(value) : "");
const count = (n: number) => n.toLocaleString("en-US");

/** Splits a pasted list (newlines, commas, semicolons, spaces) into distinct UPNs, lower-cased. */
export function parseUpnList(raw: string): { upns: string[]; invalid: string[] } {
  const items = raw
    .split(/[\s,;]+/)
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  const unique = [...new Set(items)];
  return { upns: unique.filter((item) => UPN.test(item)), invalid: unique.filter((item) => !UPN.test(item)) };
}

function audienceOf(input: ComposeInput, problems: string[]): AudienceSpec | undefined {
  const kind = text(input.audience);
  switch (kind) {
    case "affected-not-ready":
    case "affected":
    case "phase2":
    case "break-glass":
      return { kind };
    case "group": {
      const groupId = text(input.groupId).trim();
      if (!GUID.test(groupId)) {
        problems.push("A group audience needs the group's object id (a GUID).");
        return undefined;
      }
      return { kind, groupId: groupId.toLowerCase() };
    }
    case "upns": {
      const { upns, invalid } = parseUpnList(text(input.upns));
      if (invalid.length > 0) {
        problems.push(
          `These are not user principal names: ${invalid.slice(0, 10).join(", ")}${invalid.length > 10 ? ` and ${count(invalid.length - 10)} more` : ""}.`,
        );
      }
      if (upns.length === 0) {
        problems.push("Paste at least one user principal name (name@domain).");
      } else if (upns.length > LIMITS.upns) {
        problems.push(
          `A pasted list holds at most ${count(LIMITS.upns)} names; this one has ${count(upns.length)}. Use a group instead.`,
        );
      }
      return { kind, upns };
    }
    default:
      problems.push("Choose who receives the message.");
      return undefined;
  }
}

function buttonOf(input: ComposeInput, problems: string[]): BroadcastButton | undefined {
  const code = text(input.buttonCode).trim();
  const url = text(input.buttonUrl).trim();
  if (code !== "" && code !== "none" && url !== "") {
    problems.push("Choose either a walkthrough button or a link button, not both.");
    return undefined;
  }
  if (code !== "" && code !== "none") {
    if (!isGuidanceCode(code)) {
      problems.push("That walkthrough does not exist.");
      return undefined;
    }
    return { kind: "walkthrough", code };
  }
  if (url !== "") {
    if (!isAllowedUrl(url)) {
      problems.push(
        "The link button must be an https:// link to a Microsoft sign-in or help page (aka.ms, learn.microsoft.com, mysignins.microsoft.com…).",
      );
      return undefined;
    }
    const title = text(input.buttonTitle).trim() || "Open";
    if (title.length > LIMITS.buttonTitleChars) {
      problems.push(
        `The button text is ${count(title.length)} characters long; the limit is ${LIMITS.buttonTitleChars}.`,
      );
    }
    return { kind: "url", url, title: title.slice(0, LIMITS.buttonTitleChars) };
  }
  return undefined;
}

/** Validates a compose submission. Nothing is stored or sent when there is any problem. */
export function validateCompose(input: ComposeInput): ComposeResult {
  const problems: string[] = [];
  const title = text(input.title).trim();
  const message = text(input.message).replace(/^\n+/, "");
  if (title === "") {
    problems.push("The title is empty.");
  } else if (title.length > LIMITS.titleChars || title.includes("\n")) {
    problems.push(
      `The title must be one line of at most ${LIMITS.titleChars} characters (it has ${count(title.length)}).`,
    );
  }
  if (message.trim() === "") {
    problems.push("The message is empty.");
  } else if (message.length > LIMITS.messageChars) {
    problems.push(
      `The message is ${count(message.length)} characters long; the limit is ${count(LIMITS.messageChars)}.`,
    );
  } else if (message.split("\n").length > LIMITS.messageLines) {
    problems.push(
      `The message has ${count(message.split("\n").length)} lines; the limit is ${LIMITS.messageLines}.`,
    );
  }
  const badLinks = disallowedLinks(message);
  if (badLinks.length > 0) {
    problems.push(
      `Links must be https:// links to Microsoft sign-in or help pages; not allowed: ${badLinks.slice(0, 5).join(", ")}.`,
    );
  }
  const audience = audienceOf(input, problems);
  const button = buttonOf(input, problems);
  const remindRaw = text(input.remindDays).trim();
  const remindDays = remindRaw === "" ? 0 : Number(remindRaw);
  if (!Number.isInteger(remindDays) || remindDays < 0 || remindDays > LIMITS.remindDays) {
    problems.push(`The reminder must be a whole number of days from 0 to ${LIMITS.remindDays}.`);
  }
  if (problems.length > 0 || audience === undefined) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    content: {
      title,
      message,
      audience,
      ...(button ? { button } : {}),
      ...(remindDays > 0 ? { remindDays } : {}),
    },
  };
}

export function buttonTitle(button: BroadcastButton): string {
  return button.kind === "url"
    ? button.title
    : (GUIDANCE[button.code as keyof typeof GUIDANCE]?.title ?? "Open");
}

export function audienceLabel(audience: AudienceSpec): string {
  switch (audience.kind) {
    case "affected-not-ready":
      return "Affected and not ready";
    case "affected":
      return "Everyone affected";
    case "phase2":
      return "Affected by phase 2 (Azure CLI, PowerShell, APIs)";
    case "break-glass":
      return "Break-glass accounts (read by their owners)";
    case "group":
      return `Members of group ${audience.groupId}`;
    case "upns":
      return `A pasted list of ${count(audience.upns.length)} people`;
    case "follow-up":
      return "Reminder: those still not ready";
    case "resend-failed":
      return "Again: those the first send could not reach";
  }
}

/** The walkthrough buttons a broadcast may carry (the product's guidance codes). */
export const GUIDANCE_CHOICES = Object.entries(GUIDANCE).map(([value, guidance]) => ({
  title: guidance.title,
  value,
}));

/** A stored draft back into the form's values (Edit). */
export function composeValues(content: BroadcastContent): Record<string, string> {
  const audience = content.audience;
  return {
    title: content.title,
    message: content.message,
    audience: audience.kind,
    groupId: audience.kind === "group" ? audience.groupId : "",
    upns: audience.kind === "upns" ? audience.upns.join("\n") : "",
    buttonCode: content.button?.kind === "walkthrough" ? content.button.code : "none",
    buttonUrl: content.button?.kind === "url" ? content.button.url : "",
    buttonTitle: content.button?.kind === "url" ? content.button.title : "",
    remindDays: String(content.remindDays ?? 0),
  };
}
