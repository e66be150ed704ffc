/**
 * Turns a Teams message into the plain words the recogniser matches: mentions, HTML and entities gone,
 * one case, contractions expanded, slang replaced, punctuation and emoji removed, spaces collapsed.
 * Every regular expression here is bounded or linear, and input is capped, so long text stays cheap.
 */
import { SLANG } from "./words";

/** Raw input beyond this is ignored before any regular expression runs. */
const RAW_CAP = 4000;
/** The matched text is cut to this many characters (at a word boundary). */
export const MATCH_CAP = 500;

// prettier-ignore
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", rsquo: "'", lsquo: "'", hellip: "...", ndash: "-", mdash: "-",
};

function decodeEntity(_match: string, body: string): string {
  const lower = body.toLowerCase();
  if (lower.startsWith("#")) {
    const code = lower.startsWith("#x")
      ? Number.parseInt(lower.slice(2), 16)
      : Number.parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
  }
  return NAMED_ENTITIES[lower] ?? " ";
}

/** Mentions, tags and HTML entities removed; Unicode compatibility forms folded. Case is kept (for UPNs). */
export function stripMarkup(text: string): string {
  let out = text.slice(0, RAW_CAP);
  if (out.includes("<")) {
    out = out.replace(/<at\b[^>]{0,200}>[^<]{0,200}<\/at>/gi, " ").replace(/<\/?[a-z][^<>]{0,500}>/gi, " ");
  }
  if (out.includes("&")) {
    out = out.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, decodeEntity);
  }
  return NON_ASCII.test(out) ? out.normalize("NFKC").replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'") : out;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Words that hold an apostrophe ("can't", "I'm", "user's"), rewritten in one pass. */
function expandContraction(_match: string, head: string, tail: string): string {
  switch (tail) {
    case "t":
      return head === "can" ? "can not" : head === "won" ? "will not" : `${head.replace(/n$/, "")} not`;
    case "m":
      return `${head} am`;
    case "re":
      return `${head} are`;
    case "ve":
      return `${head} have`;
    case "ll":
      return `${head} will`;
    case "d":
      return `${head} would`;
    case "s":
      return IS_CONTRACTIONS.has(head) ? `${head} is` : head;
    default:
      return `${head} ${tail}`;
  }
}

const IS_CONTRACTIONS = new Set([
  "what",
  "who",
  "it",
  "that",
  "there",
  "how",
  "where",
  "when",
  "here",
  "he",
  "she",
]);

/** The full pipeline: the string the recogniser matches and reports as `normalised`. */
export function normalise(text: string): string {
  return normaliseStripped(stripMarkup(text));
}

/** As `normalise`, for text that has already been through `stripMarkup`. */
export function normaliseStripped(markupFree: string): string {
  let out = markupFree.toLowerCase();
  if (NON_ASCII.test(out)) {
    // Latin accents only: the kana voicing marks (U+3099, U+309A) are part of the letter, not an accent.
    out = out
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]+/g, "")
      .normalize("NFC")
      .replace(/ß/g, "ss");
  }
  if (out.includes("@") || out.includes("http")) {
    out = out
      .replace(/\bhttps?:\/\/\S{1,500}/g, " ")
      .replace(/[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,24}\b/g, " ");
  }
  if (out.includes("'")) {
    out = out.replace(/([a-z]+)'([a-z]{1,2})\b/g, expandContraction);
  }
  if (out.includes("w/o")) {
    out = out.replace(/\bw\/o\b/g, "without");
  }
  const words = out
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((word) => word.length > 0)
    .map((word) => SLANG[word] ?? word);
  return capAtWord(words.join(" "), MATCH_CAP);
}

function capAtWord(text: string, cap: number): string {
  if (text.length <= cap) {
    return text;
  }
  const cut = text.lastIndexOf(" ", cap);
  return text.slice(0, cut > 0 ? cut : cap);
}
