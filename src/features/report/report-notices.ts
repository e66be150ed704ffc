import type { ReportTexts } from "./report-texts";

export interface NoticeCardData {
  tone: "default" | "good" | "warning" | "attention" | "accent";
  title: string;
  text: string;
  lines: Array<{ text: string }>;
  footer: string;
  startAgain: boolean;
  openChatUrl: string;
}

type NoticeKey =
  | "notInTenant"
  | "canceled"
  | "failed"
  | "personalOnlyReport"
  | "personalOnlyCsv"
  | "subscribed"
  | "unsubscribed"
  | "dailyOff"
  | "csvDeclined"
  | "csvUnavailable"
  | "csvFailed";

/** The report's short answers, each a title and a text from report.notices.<key>, in the reader's words. */
export function reportNotices(texts: ReportTexts) {
  const { t } = texts;
  const notice = (
    key: NoticeKey,
    fields: Partial<Omit<NoticeCardData, "title" | "text">> = {},
    values: Record<string, string> = {},
  ): NoticeCardData => ({
    tone: "default",
    title: t(`report.notices.${key}.title`, values),
    text: t(`report.notices.${key}.text`, values),
    lines: [],
    footer: "",
    startAgain: false,
    openChatUrl: "",
    ...fields,
  });
  const reference = (value: string) => t("report.notices.reference", { reference: value });
  return {
    notInTenant: () => notice("notInTenant", { tone: "warning" }),
    /** `by` is the admin's Teams name, or undefined for "an admin". */
    canceled: (by: string | undefined) =>
      notice("canceled", { startAgain: true }, { by: by ?? t("report.notices.anAdmin") }),
    failed: (ref: string) =>
      notice("failed", { tone: "attention", footer: reference(ref), startAgain: true }),
    personalOnly: (what: "report" | "csv", openChatUrl: string) =>
      notice(what === "report" ? "personalOnlyReport" : "personalOnlyCsv", { tone: "accent", openChatUrl }),
    /** `at` is the daily run's HH:MM in UTC; `now` picks the day (summer or winter time) it is shown for. */
    subscribed: (at: string, now: Date) =>
      notice("subscribed", { tone: "good" }, { at: dailyTime(at, now, texts) }),
    unsubscribed: () => notice("unsubscribed"),
    dailyOff: () => notice("dailyOff", { tone: "warning" }),
    csvDeclined: () => notice("csvDeclined"),
    csvUnavailable: () => notice("csvUnavailable", { tone: "warning", startAgain: true }),
    csvFailed: (ref: string) => notice("csvFailed", { tone: "attention", footer: reference(ref) }),
  };
}

export type ReportNotices = ReturnType<typeof reportNotices>;

/** The daily run's HH:MM (UTC) as the reader's clock shows it, with its zone: "07:00 UTC", "08:00 MEZ". */
function dailyTime(at: string, now: Date, texts: ReportTexts): string {
  const [hours, minutes] = at.split(":").map(Number) as [number, number];
  return new Intl.DateTimeFormat(texts.locale.tag, {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone: texts.locale.timeZone ?? "UTC",
    timeZoneName: "short",
  }).format(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hours, minutes)));
}
