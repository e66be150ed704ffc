/**
 * What a file consent card offers, carried in its accept/decline context. Teams hands the context back
 * as the user's answer, so it is card data: parsed strictly here, and on accept the handler still checks
 * that the answering user is the one it was offered to and re-reads their roles in Graph.
 */
import { isLanguage, type Language } from "../domain/language";

export type FileKind = "readiness" | "delivery";

export interface FileOffer {
  kind: FileKind;
  /** The readiness scan's id, or the broadcast job's id. */
  id: string;
  /** The Entra object id of the user the card was sent to; absent only on cards from before offers named it. */
  offeredTo?: string;
  /** The language the file's own words (a CSV's header row) were offered in; absent: the accepting user's. */
  language?: Language;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:follow-up|:resend)?$/i;

/** Each kind's id key: the readiness report's cards have always carried `scanId`. */
const ID_KEY: Record<FileKind, string> = { readiness: "scanId", delivery: "jobId" };
const ID_RULE: Record<FileKind, RegExp> = { readiness: GUID, delivery: JOB_ID };

/** The context to put on the consent card (the same for accept and decline). */
export function offerContext(
  offer: Required<Omit<FileOffer, "language">> & Pick<FileOffer, "language">,
): Record<string, string> {
  return {
    kind: offer.kind,
    [ID_KEY[offer.kind]]: offer.id,
    offeredTo: offer.offeredTo,
    ...(offer.language ? { language: offer.language } : {}),
  };
}

const isKind = (value: unknown): value is FileKind => value === "readiness" || value === "delivery";

/** The offer named by an answer's context, or undefined when it is malformed or of no known kind. */
export function readOffer(context: Record<string, unknown>): FileOffer | undefined {
  // Consent cards sent before offers had a kind carried the scan id alone.
  const kind = context.kind === undefined && typeof context.scanId === "string" ? "readiness" : context.kind;
  if (!isKind(kind)) {
    return undefined;
  }
  const id = context[ID_KEY[kind]];
  if (typeof id !== "string" || !ID_RULE[kind].test(id)) {
    return undefined;
  }
  const offeredTo = context.offeredTo;
  if (offeredTo !== undefined && (typeof offeredTo !== "string" || !GUID.test(offeredTo))) {
    return undefined;
  }
  const language = context.language;
  if (language !== undefined && (typeof language !== "string" || !isLanguage(language))) {
    return undefined;
  }
  return {
    kind,
    id,
    ...(offeredTo === undefined ? {} : { offeredTo: offeredTo.toLowerCase() }),
    ...(language === undefined ? {} : { language }),
  };
}
