import type { Actor } from "../../domain/actor";

/** A card to show: the template name in adaptiveCards/ and its data. */
export interface RegistrationView {
  card: string;
  data: Record<string, unknown>;
}

/** Card data keys that would name a user; a product card never sends them, so any value is forged. */
const USER_ID_KEYS = [
  "userId",
  "requesterId",
  "targetUserId",
  "aadObjectId",
  "subjectId",
  "principalId",
] as const;

/** The first user id in card data that is not the actor's own (a forged invoke), or undefined. */
export function foreignUserId(data: Record<string, unknown> | undefined, actor: Actor): string | undefined {
  for (const key of USER_ID_KEYS) {
    const value = data?.[key];
    if (
      value !== undefined &&
      (typeof value !== "string" || value.toLowerCase() !== actor.userId.toLowerCase())
    ) {
      return typeof value === "string" ? value.slice(0, 64) : `(${typeof value})`;
    }
  }
  return undefined;
}

export function notice(
  title: string,
  text: string,
  options: {
    tone?: "good" | "attention" | "warning" | "default";
    details?: string[];
    resume?: { method: string; title: string };
  } = {},
): RegistrationView {
  return {
    card: "registration-notice",
    data: {
      title,
      text,
      tone: options.tone ?? "default",
      details: options.details ?? [],
      resumeMethod: options.resume?.method ?? "",
      resumeTitle: options.resume?.title ?? "",
    },
  };
}

/** "28 Nov 2026, 06:10 UTC". */
export function readableTime(date: Date | string): string {
  const value = typeof date === "string" ? new Date(date) : date;
  return `${value.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;
}
