import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { UsageError } from "./command";

export const USAGE = `usage: mfa-ready broadcast --audience <affected-not-ready|affected|phase2|break-glass|group:ID|upns:FILE>
                          --title T --message-file F [--walkthrough CODE | --button-url URL --button-title T]
                          [--remind-days N] [--operator NAME] [--job-id ID] [--dry-run]
                          [--at "YYYY-MM-DD HH:MM"]   (send then, in TIME_ZONE; a running bot sends it)
                          [--lang en|de|fr|es|ja]     (what this command prints; default DEFAULT_LOCALE)
       mfa-ready broadcast --report JOB_ID      (the delivery report, CSV, on stdout)
       mfa-ready broadcast --cancel JOB_ID      (a scheduled send that has not fired yet)

Sends with the bot's identity, within BROADCAST_RPS, durably: run the same command again after an
interruption and it resumes the same job (nothing is sent twice). Ends with one JSON line of totals.`;

export function parse(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      audience: { type: "string" },
      title: { type: "string" },
      "message-file": { type: "string" },
      "dry-run": { type: "boolean" },
      walkthrough: { type: "string" },
      "button-url": { type: "string" },
      "button-title": { type: "string" },
      "remind-days": { type: "string" },
      operator: { type: "string" },
      "job-id": { type: "string" },
      report: { type: "string" },
      at: { type: "string" },
      cancel: { type: "string" },
      lang: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  return values;
}

export type BroadcastArgs = ReturnType<typeof parse>;

/** "group:ID" and "upns:FILE" carry their value; the compose validation checks everything else. */
export function composeInput(values: BroadcastArgs) {
  const audience = values.audience ?? "";
  const [kind, ...rest] = audience.split(":");
  const value = rest.join(":");
  if (!values["message-file"]) {
    throw new UsageError("--message-file is required");
  }
  const read = (file: string) => {
    try {
      return readFileSync(file, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
  };
  return {
    title: values.title,
    message: read(values["message-file"]),
    audience: kind,
    groupId: kind === "group" ? value : undefined,
    upns: kind === "upns" ? read(value) : undefined,
    buttonCode: values.walkthrough,
    buttonUrl: values["button-url"],
    buttonTitle: values["button-title"],
    remindDays: values["remind-days"],
    // "2026-12-08 09:00" or "2026-12-08T09:00": the date and the time in TIME_ZONE.
    sendDate: values.at?.trim().split(/[\sT]+/)[0],
    sendTime: values.at?.trim().split(/[\sT]+/)[1] ?? (values.at ? "00:00" : undefined),
  };
}
