import { once } from "node:events";

import { loadSnapshot, SnapshotError } from "../directory/snapshot";
import { snapshotFacts } from "../directory/snapshot-facts";
import type { TenantInput } from "../domain/assess-tenant";
import { assessTenant } from "../domain/assess-tenant";
import { isLanguage, type Language } from "../domain/language";
import type { Verdict } from "../domain/verdict";
import { csvHeader, csvRows } from "../features/report/csv";
import { translator } from "../i18n/i18n";
import { readLiveTenant } from "./assess-live";
import { toTable } from "./assess-table";
import type { Command, CommandIo } from "./command";
import { UsageError } from "./command";
import { parseOptions } from "./parse-options";

const USAGE = `usage: mfa-ready assess [--snapshot FILE] [--user UPN] [--format table|json|csv] [--lang en|de|fr|es|ja]

Assesses every user (or one) for Microsoft's mandatory MFA for Azure.
  --snapshot FILE   a tenant snapshot (shared/TENANT-SNAPSHOT.md); the look-back window ends at its capturedAt.
                    Without it, the configured tenant is read through Microsoft Graph.
  --user UPN        only this user (UPN or object id)
  --format F        table (default), json (one array of verdicts) or csv (the admin's columns)
  --lang L          csv only: the header row in that language for a person's spreadsheet (en, de, fr, es,
                    ja); without it the columns keep their stable names for scripts`;

const FORMATS = ["table", "json", "csv"] as const;
type Format = (typeof FORMATS)[number];
const CHUNK = 1000;

interface AssessOptions {
  snapshot?: string;
  user?: string;
  format: Format;
  lang?: Language;
  help: boolean;
}

function parse(args: string[]): AssessOptions {
  const values = parseOptions(
    args,
    {
      snapshot: { type: "string" },
      user: { type: "string" },
      format: { type: "string", default: "table" },
      lang: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    " (see --help)",
  );
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`unknown --format "${values.format}": use table, json or csv`);
  }
  const lang = values.lang?.toLowerCase();
  if (lang !== undefined && !isLanguage(lang)) {
    throw new UsageError(`unknown --lang "${values.lang}": use en, de, fr, es or ja`);
  }
  return { snapshot: values.snapshot, user: values.user, format, lang, help: values.help };
}

/** Writes and waits when the stream asks to, so a 100k-user report never piles up in memory. */
async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) {
    await once(stream, "drain");
  }
}

async function print(
  verdicts: Iterable<Verdict>,
  { format, lang }: Pick<AssessOptions, "format" | "lang">,
  io: CommandIo,
): Promise<void> {
  if (format === "table") {
    await write(io.stdout, toTable([...verdicts]));
    return;
  }
  let chunk: Verdict[] = [];
  let first = true;
  const flush = async () => {
    if (format === "json") {
      const body = chunk.map((verdict) => JSON.stringify(verdict)).join(",\n");
      await write(io.stdout, chunk.length === 0 ? "" : `${first ? "" : ",\n"}${body}`);
    } else {
      await write(io.stdout, csvRows(chunk));
    }
    first = first && chunk.length === 0;
    chunk = [];
  };
  await write(io.stdout, format === "json" ? "[\n" : csvHeader(lang ? translator(lang) : undefined));
  for (const verdict of verdicts) {
    chunk.push(verdict);
    if (chunk.length >= CHUNK) {
      await flush();
    }
  }
  await flush();
  if (format === "json") {
    await write(io.stdout, "\n]\n");
  }
}

/** `mfa-ready assess`: DOMAIN.md's verdict for every user of a snapshot or of the configured tenant. */
export const command: Command = {
  summary: "assess users for mandatory MFA (offline from a snapshot, or live)",
  async run(args, io) {
    const options = parse(args);
    if (options.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    let input: TenantInput;
    let source: string;
    let lookbackDays: number | undefined;
    try {
      if (options.snapshot !== undefined) {
        input = snapshotFacts(loadSnapshot(options.snapshot));
        source = options.snapshot;
      } else {
        ({ input, source, lookbackDays } = await readLiveTenant(io));
      }
    } catch (error) {
      if (error instanceof SnapshotError) {
        io.stderr.write(`mfa-ready assess: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    const verdicts = assessTenant(input, { user: options.user, lookbackDays });
    if (options.user !== undefined) {
      const only = [...verdicts];
      if (only.length === 0) {
        throw new UsageError(`no user "${options.user}" in ${source}`);
      }
      await print(only, options, io);
      return 0;
    }
    await print(verdicts, options, io);
    return 0;
  },
};
