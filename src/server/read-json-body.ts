import type { IncomingMessage } from "node:http";

import { HttpError } from "./http-error";

/** Bot Framework activities are small; Teams caps a message at about 100 KB. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads and parses a JSON body, stopping as soon as it passes the limit (a declared Content-Length is
 * refused before reading), so an oversized body costs neither memory nor a turn.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw tooLarge(limit);
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") {
    throw new HttpError(400, "EmptyBody", "the request has no body; an activity in JSON is expected");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "MalformedJson", "the body is not valid JSON");
  }
}

const tooLarge = (limit: number) =>
  new HttpError(413, "PayloadTooLarge", `the body is larger than ${Math.round(limit / 1024)} KB`);
