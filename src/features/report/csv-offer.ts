import type { Language } from "../../domain/language";
import type { ScanRecord } from "../../domain/report-types";
import { csvHeader } from "./csv";
import type { ReportTexts } from "./report-texts";

/** The CSV a file consent card offers: the bot turns it into Teams' consent card. */
export interface CsvOffer {
  scanId: string;
  name: string;
  sizeInBytes: number;
  description: string;
  /** The user it is offered to (the accept must come from them). */
  offeredTo: string;
  /** The language of the CSV's header row: the size announced depends on it. */
  language: Language;
}

/** What gives the same CSV where a client cannot take a file: the package's own `mfa-ready` bin. */
export function csvCommand(language: Language): string {
  return `npx mfa-ready assess --format csv${language === "en" ? "" : ` --lang ${language}`} > readiness.csv`;
}

/** The offer of a completed scan's CSV to `offeredTo`, named after its day, in the texts' language. */
export function csvOffer(scan: ScanRecord, texts: ReportTexts, offeredTo: string): CsvOffer {
  const day = (scan.finishedAt ?? scan.startedAt).slice(0, 10);
  return {
    scanId: scan.id,
    name: `mfa-readiness-${day}.csv`,
    sizeInBytes: csvBytesIn(scan, texts),
    description: texts.t("report.csvDescription", {
      users: texts.users(scan.users),
      day: texts.time(new Date(scan.finishedAt ?? scan.startedAt)),
    }),
    offeredTo,
    language: texts.locale.language,
  };
}

/** The scan counted the CSV with the scripts' header row; a person's has their language's column titles. */
export function csvBytesIn(scan: ScanRecord, texts: ReportTexts): number {
  return scan.csvBytes - Buffer.byteLength(csvHeader()) + Buffer.byteLength(csvHeader(texts.t));
}
