import type { View } from "../../cards/view";
import type { Actor } from "../../domain/actor";
import type { Texts } from "./texts";

/** The registration-notice card's data: a title, a sentence, details, and a button back to a walkthrough. */
export interface NoticeData {
  title: string;
  text: string;
  tone: "good" | "attention" | "warning" | "default";
  details: string[];
  resumeMethod: string;
  resumeTitle: string;
}

/** A card the registration features answer with: the template name in adaptiveCards/ and its data. */
export type RegistrationView = View<string, object>;

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
    tone?: NoticeData["tone"];
    details?: string[];
    resume?: { method: string; title: string };
  } = {},
): View<"registration-notice", NoticeData> {
  return {
    template: "registration-notice",
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

/** "That button isn't yours": card data named another person; nothing was done. */
export function notYoursNotice({ t }: Texts): View<"registration-notice", NoticeData> {
  return notice(t("registration.notices.notYoursTitle"), t("registration.notices.notYours"), {
    tone: "attention",
  });
}
