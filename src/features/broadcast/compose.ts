import type { TFunction } from "i18next";

import type { AudienceSpec, BroadcastButton, BroadcastContent } from "../../domain/broadcast";
import { type Language, LANGUAGES } from "../../domain/language";
import { translator } from "../../i18n/i18n";
import { isGuidanceCode } from "../status/guidance";
import { LANGUAGE_NAMES } from "./content-labels";
import { cleanText, disallowedLinks, isAllowedUrl } from "./message-text";
import { zonedInstant } from "./send-at";

/** Limits: a Teams card stays well under the 28 KB message limit, and a notice stays readable. */
export const LIMITS = {
  titleChars: 120,
  messageChars: 4_000,
  messageLines: 60,
  upns: 5_000,
  buttonTitleChars: 40,
  remindDays: 60,
  /** How far ahead a send may be scheduled. */
  sendAtDays: 60,
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
  /** The message in another language, one optional text each: `message_de`, `message_ja`… */
  [translation: `message_${string}`]: unknown;
  /** "Send at", in the tenant's time zone: a date ("2026-12-08") and a time ("09:00"). */
  sendDate?: unknown;
  sendTime?: unknown;
}

/** When a compose is validated: "send at" is read in the tenant's zone and must lie ahead. */
export interface ComposeClock {
  now: Date;
  timeZone?: string | undefined;
  /** The admin's language, for the problems found (English when absent). */
  t?: TFunction;
}

/** The languages a broadcast's message can be added in, besides the text as written. */
export const TRANSLATION_LANGUAGES: readonly Language[] = LANGUAGES;

export type ComposeResult = { ok: true; content: BroadcastContent } | { ok: false; problems: string[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const text = (value: unknown) => (typeof value === "string" ? cleanText(value) : "");
const count = (n: number) => n.toLocaleString("en-US");
const english = translator("en");

/** Splits a pasted list (newlines, commas, semicolons, spaces) into distinct UPNs, lower-cased. */
export function parseUpnList(raw: string): { upns: string[]; invalid: string[] } {
  const items = raw
    .split(/[\s,;]+/)
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  const unique = [...new Set(items)];
  return { upns: unique.filter((item) => UPN.test(item)), invalid: unique.filter((item) => !UPN.test(item)) };
}

function audienceOf(input: ComposeInput, problems: string[], t: TFunction): AudienceSpec | undefined {
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
        problems.push(t("broadcast.problems.groupId"));
        return undefined;
      }
      return { kind, groupId: groupId.toLowerCase() };
    }
    case "upns": {
      const { upns, invalid } = parseUpnList(text(input.upns));
      if (invalid.length > 0) {
        const list = invalid.slice(0, 10).join(", ");
        problems.push(
          invalid.length > 10
            ? t("broadcast.problems.notUpnsMore", { list, count: count(invalid.length - 10) })
            : t("broadcast.problems.notUpns", { list }),
        );
      }
      if (upns.length === 0) {
        problems.push(t("broadcast.problems.noUpns"));
      } else if (upns.length > LIMITS.upns) {
        problems.push(
          t("broadcast.problems.tooManyUpns", { max: count(LIMITS.upns), count: count(upns.length) }),
        );
      }
      return { kind, upns };
    }
    default:
      problems.push(t("broadcast.problems.noAudience"));
      return undefined;
  }
}

function buttonOf(input: ComposeInput, problems: string[], t: TFunction): BroadcastButton | undefined {
  const code = text(input.buttonCode).trim();
  const url = text(input.buttonUrl).trim();
  if (code !== "" && code !== "none" && url !== "") {
    problems.push(t("broadcast.problems.bothButtons"));
    return undefined;
  }
  if (code !== "" && code !== "none") {
    if (!isGuidanceCode(code)) {
      problems.push(t("broadcast.problems.noWalkthrough"));
      return undefined;
    }
    return { kind: "walkthrough", code };
  }
  if (url !== "") {
    if (!isAllowedUrl(url)) {
      problems.push(t("broadcast.problems.badButtonUrl"));
      return undefined;
    }
    const title = text(input.buttonTitle).trim() || t("broadcast.open");
    if (title.length > LIMITS.buttonTitleChars) {
      problems.push(
        t("broadcast.problems.buttonTitleLong", { count: count(title.length), max: LIMITS.buttonTitleChars }),
      );
    }
    return { kind: "url", url, title: title.slice(0, LIMITS.buttonTitleChars) };
  }
  return undefined;
}

function sendAtOf(
  input: ComposeInput,
  clock: ComposeClock | undefined,
  problems: string[],
  t: TFunction,
): string | undefined {
  const date = text(input.sendDate).trim();
  const time = text(input.sendTime).trim();
  if (date === "" && time === "") {
    return undefined;
  }
  const zone = clock?.timeZone ?? "UTC";
  const at = date === "" ? undefined : zonedInstant(date, time, zone);
  if (at === undefined) {
    problems.push(t("broadcast.problems.sendAtFormat", { zone }));
    return undefined;
  }
  const now = clock?.now ?? new Date();
  if (at.getTime() <= now.getTime() + 60_000) {
    problems.push(t("broadcast.problems.sendAtPast", { zone }));
    return undefined;
  }
  if (at.getTime() > now.getTime() + LIMITS.sendAtDays * 86_400_000) {
    problems.push(t("broadcast.problems.sendAtFar", { max: LIMITS.sendAtDays }));
    return undefined;
  }
  return at.toISOString();
}

/** Validates a compose submission. Nothing is stored or sent when there is any problem. */
export function validateCompose(input: ComposeInput, clock?: ComposeClock): ComposeResult {
  const problems: string[] = [];
  const t = clock?.t ?? english;
  const title = text(input.title).trim();
  const message = text(input.message).replace(/^\n+/, "");
  if (title === "") {
    problems.push(t("broadcast.problems.noTitle"));
  } else if (title.length > LIMITS.titleChars || title.includes("\n")) {
    problems.push(t("broadcast.problems.titleLong", { max: LIMITS.titleChars, count: count(title.length) }));
  }
  if (message.trim() === "") {
    problems.push(t("broadcast.problems.noMessage"));
  } else if (message.length > LIMITS.messageChars) {
    problems.push(
      t("broadcast.problems.messageLong", { count: count(message.length), max: count(LIMITS.messageChars) }),
    );
  } else if (message.split("\n").length > LIMITS.messageLines) {
    problems.push(
      t("broadcast.problems.messageLines", {
        count: count(message.split("\n").length),
        max: LIMITS.messageLines,
      }),
    );
  }
  const translations = translationsOf(input, problems, t);
  const badLinks = [message, ...Object.values(translations)].flatMap(disallowedLinks);
  if (badLinks.length > 0) {
    problems.push(t("broadcast.problems.badLinks", { list: [...new Set(badLinks)].slice(0, 5).join(", ") }));
  }
  const audience = audienceOf(input, problems, t);
  const button = buttonOf(input, problems, t);
  const remindRaw = text(input.remindDays).trim();
  const remindDays = remindRaw === "" ? 0 : Number(remindRaw);
  if (!Number.isInteger(remindDays) || remindDays < 0 || remindDays > LIMITS.remindDays) {
    problems.push(t("broadcast.problems.remindDays", { max: LIMITS.remindDays }));
  }
  const sendAt = sendAtOf(input, clock, problems, t);
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
      ...(sendAt ? { sendAt } : {}),
      ...(Object.keys(translations).length > 0 ? { translations } : {}),
    },
  };
}

/** The message in the languages the admin added (each optional, each within the message's limits). */
function translationsOf(
  input: ComposeInput,
  problems: string[],
  t: TFunction,
): Partial<Record<Language, string>> {
  const out: Partial<Record<Language, string>> = {};
  for (const language of TRANSLATION_LANGUAGES) {
    const value = text(input[`message_${language}`]).replace(/^\n+/, "");
    if (value.trim() === "") {
      continue;
    }
    if (value.length > LIMITS.messageChars || value.split("\n").length > LIMITS.messageLines) {
      problems.push(
        t("broadcast.problems.translationLong", {
          language: LANGUAGE_NAMES[language],
          count: count(value.length),
          max: count(LIMITS.messageChars),
        }),
      );
      continue;
    }
    out[language] = value;
  }
  return out;
}
