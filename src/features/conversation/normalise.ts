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

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", rsquo: "'", lsquo: "'", hellip: "...", ndash: "-", mdash: "-",
};

function decodeEntity(_match: string, body: string): string {
  const lower = body.toLowerCase();
  if (lower.startsWith("#")) {
    const code = lower.startsWith("#x") ? Number.parseInt(lower.slice(2), 16) : Number.parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
  }
  return NAMED_ENTITIES[lower] ?? " ";
}

/** Mentions, tags and HTML entities removed; Unicode compatibility forms folded. Case is kept (for UPNs). */
export function stripMarkup(text: string): string {
  return text
    .slice(0, RAW_CAP)
    .replace(/<at\b[^>]{0,200}>[^<]{0,200}<\/at>/gi, " ")
    .replace(/<\/?[a-z][^<>]{0,500}>/gi, " ")
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, decodeEntity)
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'");
}

const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bw\/o\b/g, "without"],
  [/\bcan'?t\b/g, "can not"],
  [/\bcannot\b/g, "can not"],
  [/\bwon'?t\b/g, "will not"],
  [/\b(do|does|did|is|are|was|were|have|has|had|could|would|should|must|need)n'?t\b/g, "$1 not"],
  [/\b([a-z]+)n't\b/g, "$1 not"],
  [/\bi'?m\b/g, "i am"],
  [/\b(what|who|it|that|there|how|where|when|here)'?s\b/g, "$1 is"],
  [/'re\b/g, " are"],
  [/'ve\b/g, " have"],
  [/'ll\b/g, " will"],
  [/'d\b/g, " would"],
  [/'s\b/g, ""],
];

/** The full pipeline: the string the recogniser matches and reports as `normalised`. */
export function normalise(text: string): string {
  let out = stripMarkup(text)
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/\bhttps?:\/\/\S{1,500}/g, " ")
    .replace(/[^\s@]{1,64}@[^\s@]{1,255}\.[a-z]{2,24}\b/g, " ");
  for (const [pattern, replacement] of CONTRACTIONS) {
    out = out.replace(pattern, replacement);
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
