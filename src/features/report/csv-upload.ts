import type { TFunction } from "i18next";

import type { Verdict } from "../../domain/verdict";
import { csvHeader, csvRows } from "./csv";

/** Fragments for an upload session: a multiple of 320 KiB, as OneDrive asks. */
export const UPLOAD_CHUNK_BYTES = 10 * 320 * 1024;
const ROWS_PER_PIECE = 500;

export type UploadFailure = "badUrl" | "rejected" | "sizeMismatch" | "unreachable";

export class CsvUploadError extends Error {
  constructor(
    readonly reason: UploadFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "CsvUploadError";
  }
}

/** Teams gives an https OneDrive upload URL; plain http only to this machine (local tests, the Playground). */
export function checkUploadUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CsvUploadError("badUrl", "The upload URL is not a URL.");
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new CsvUploadError("badUrl", `Refusing to upload to a ${url.protocol} URL.`);
  }
  return url;
}

/**
 * The CSV, header first (in the reader's language when `t` is given), in pieces of a few hundred rows, so
 * a 100k-user file never sits in memory whole.
 */
export async function* csvPieces(verdicts: AsyncIterable<Verdict>, t?: TFunction): AsyncGenerator<Buffer> {
  yield Buffer.from(csvHeader(t));
  let rows: Verdict[] = [];
  for await (const verdict of verdicts) {
    rows.push(verdict);
    if (rows.length >= ROWS_PER_PIECE) {
      yield Buffer.from(csvRows(rows));
      rows = [];
    }
  }
  if (rows.length > 0) {
    yield Buffer.from(csvRows(rows));
  }
}

/**
 * Uploads the CSV to the URL Teams gave in the file consent answer: PUT with Content-Range, as Teams
 * documents, in fragments for a large file. `totalBytes` is the size announced on the consent card.
 */
export async function uploadCsv(options: {
  url: string;
  totalBytes: number;
  pieces: AsyncIterable<Buffer>;
  fetch?: typeof fetch;
  chunkBytes?: number;
  timeoutMs?: number;
}): Promise<void> {
  const url = checkUploadUrl(options.url);
  const send = options.fetch ?? fetch;
  const chunkBytes = options.chunkBytes ?? UPLOAD_CHUNK_BYTES;
  const total = options.totalBytes;
  let offset = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  const put = async (chunk: Buffer) => {
    const end = offset + chunk.length - 1;
    if (end >= total) {
      throw new CsvUploadError("sizeMismatch", `The CSV came to more than the ${total} bytes announced.`);
    }
    let response: Response;
    try {
      response = await send(url, {
        method: "PUT",
        // fetch sets Content-Length from the body; Content-Range says where this fragment goes.
        headers: { "content-range": `bytes ${offset}-${end}/${total}` },
        body: new Blob([Uint8Array.from(chunk)]),
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      throw new CsvUploadError("unreachable", `The upload URL did not answer: ${(error as Error).message}`);
    }
    await response.arrayBuffer();
    if (!response.ok) {
      throw new CsvUploadError(
        "rejected",
        `The upload was refused with HTTP ${response.status}.`,
        response.status,
      );
    }
    offset = end + 1;
  };

  for await (const piece of options.pieces) {
    pending.push(piece);
    pendingBytes += piece.length;
    while (pendingBytes >= chunkBytes) {
      const all = Buffer.concat(pending);
      await put(all.subarray(0, chunkBytes));
      pending = [all.subarray(chunkBytes)];
      pendingBytes = pending[0]!.length;
    }
  }
  if (pendingBytes > 0) {
    await put(Buffer.concat(pending));
  }
  if (offset !== total) {
    throw new CsvUploadError("sizeMismatch", `The CSV came to ${offset} bytes, not the ${total} announced.`);
  }
}
