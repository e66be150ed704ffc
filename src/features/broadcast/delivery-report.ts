import { stringify } from "csv-stringify/sync";
import type { TFunction } from "i18next";

import { translator } from "../../i18n/i18n";
import { neutralise } from "../report/csv";
import type { BroadcastLedger } from "./broadcast-ledger";
import { reasonText } from "./reason-text";

/**
 * `why`: the reason in words, in the reader's language; `reason` keeps the code for a spreadsheet filter.
 * The header row is the columns' names, the same in every language (a spreadsheet's formulas name them).
 */
export const DELIVERY_COLUMNS = [
  "userPrincipalName",
  "displayName",
  "state",
  "reason",
  "why",
  "activityId",
  "attempts",
  "possiblyDuplicated",
  "updatedAt",
  "acknowledgedAt",
  "readyNow",
] as const;

/** The delivery report of a job: a header, then one row per recipient, streamed page by page. */
export async function* deliveryReportCsv(
  ledger: BroadcastLedger,
  jobId: string,
  t: TFunction = translator("en"),
): AsyncGenerator<string> {
  yield stringify([[...DELIVERY_COLUMNS]]);
  let after = 0;
  for (;;) {
    const page = await ledger.page(jobId, after, 500);
    if (page.length === 0) {
      return;
    }
    yield stringify(
      page.map((row) =>
        [
          row.upn,
          row.displayName,
          row.state,
          row.reason ?? "",
          row.reason ? reasonText(row.reason, t) : "",
          row.activityId ?? "",
          String(row.attempts),
          String(row.possiblyDuplicated),
          row.updatedAt,
          row.acknowledgedAt ?? "",
          row.readyNow === undefined ? "" : String(row.readyNow),
        ].map(neutralise),
      ),
    );
    after = page.at(-1)!.seq;
  }
}

/** The same report as Buffers, for an upload in Content-Range fragments. */
export async function* deliveryReportPieces(
  ledger: BroadcastLedger,
  jobId: string,
  t?: TFunction,
): AsyncGenerator<Buffer> {
  for await (const piece of deliveryReportCsv(ledger, jobId, t)) {
    yield Buffer.from(piece);
  }
}

/** Its size in bytes, read the same way (the upload announces the total before the first fragment). */
export async function deliveryReportBytes(
  ledger: BroadcastLedger,
  jobId: string,
  t?: TFunction,
): Promise<number> {
  let bytes = 0;
  for await (const piece of deliveryReportCsv(ledger, jobId, t)) {
    bytes += Buffer.byteLength(piece);
  }
  return bytes;
}
