import type { TFunction } from "i18next";

import { ENGLISH, type Locale } from "../../domain/language";
import type { FindingKey, ReadinessBucket } from "../../domain/report-types";
import { formatMoment, formatNumber, intlOf } from "../../i18n/format";
import { textsFor } from "../../i18n/i18n";

/** Each bucket's colour in the chart (Teams' chart palette names); its legend comes from the resources. */
export const BUCKET_COLORS: Readonly<Record<ReadinessBucket, string>> = {
  affectedReady: "good",
  affectedNotReady: "attention",
  likely: "warning",
  unknown: "neutral",
  notAffected: "categoricalBlue",
};

/** What every report view writes with: the reader's strings, numbers, durations and times in their locale. */
export interface ReportTexts {
  locale: Locale;
  t: TFunction;
  /** 12,345 (12.345, 12 345 …) */
  count(value: number): string;
  /** "1 user", "14 users" */
  users(value: number): string;
  /** "45 s", "3 min", "1 h 5 min" */
  duration(ms: number): string;
  /** "20 Nov 2026, 09:01 UTC", in the tenant's time zone when one is configured. */
  time(date: Date): string;
  /** A finding's heading and what to do about it, in the admin's words. */
  finding(key: FindingKey): { title: string; why: string };
  bucket(key: ReadinessBucket): string;
}

export function reportTexts(locale: Locale = ENGLISH): ReportTexts {
  const t = textsFor(locale);
  const intl = intlOf(locale);
  const count = (value: number) => formatNumber(value, intl);
  return {
    locale,
    t,
    count,
    users: (value) => t("report.users", { count: value, n: count(value) }),
    duration(ms) {
      const seconds = Math.max(0, Math.round(ms / 1000));
      if (seconds < 90) {
        return t("report.duration.seconds", { n: count(seconds) });
      }
      const minutes = Math.round(seconds / 60);
      return minutes < 60
        ? t("report.duration.minutes", { n: count(minutes) })
        : t("report.duration.hours", { h: count(Math.floor(minutes / 60)), m: count(minutes % 60) });
    },
    time: (date) => formatMoment(date, intl),
    finding: (key) => ({ title: t(`report.findings.${key}.title`), why: t(`report.findings.${key}.why`) }),
    bucket: (key) => t(`report.buckets.${key}`),
  };
}
