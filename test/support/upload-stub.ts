import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface UploadPut {
  contentRange?: string;
  contentLength?: string;
  body: Buffer;
}

/** A stand-in for the OneDrive upload session URL Teams hands out: records each PUT, answers as OneDrive does. */
export interface UploadStub {
  url: string;
  puts: UploadPut[];
  /** Every fragment in order, joined. */
  file(): Buffer;
  close(): Promise<void>;
}

export async function startUploadStub(): Promise<UploadStub> {
  const puts: UploadPut[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) {
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks);
    puts.push({
      contentRange: req.headers["content-range"],
      contentLength: req.headers["content-length"],
      body,
    });
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers["content-range"] ?? "");
    const last = range !== null && Number(range[2]) + 1 === Number(range[3]);
    res.statusCode = req.method !== "PUT" || range === null ? 400 : last ? 201 : 202;
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify(
        last
          ? { id: "01ZZYEEM", name: "mfa-readiness.csv", size: Number(range![3]) }
          : { nextExpectedRanges: [`${Number(range?.[2] ?? 0) + 1}-`] },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload-session`,
    puts,
    file: () => Buffer.concat(puts.map((put) => put.body)),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
