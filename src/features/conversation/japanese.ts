/**
 * Japanese is written without spaces, and a general word segmenter (ICU's, through Intl.Segmenter) cuts
 * the same phrase differently in different sentences ("パス|キー", "見|せ|て"). So a Japanese run is cut by
 * the vocabulary itself: the longest vocabulary word at each position, and whatever is left in runs of one
 * script (a hiragana run is grammar, a kanji or katakana run a content word the vocabulary does not know).
 */
const CJK = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u30fc]/u;
const LONGEST_WORD = 12;

type Script = "hiragana" | "other";
const scriptOf = (char: string): Script => (/[\p{Script=Hiragana}]/u.test(char) ? "hiragana" : "other");

/** The words of a normalised message with each Japanese run cut into vocabulary words and leftovers. */
export function segmentJapanese(words: readonly string[], vocabulary: ReadonlySet<string>): string[] {
  return words.flatMap((word) => (CJK.test(word) ? cut(word, vocabulary) : [word]));
}

function cut(run: string, vocabulary: ReadonlySet<string>): string[] {
  const chars = [...run];
  const out: string[] = [];
  let leftover = "";
  const flush = () => {
    if (leftover) {
      out.push(leftover);
      leftover = "";
    }
  };
  let at = 0;
  while (at < chars.length) {
    let found = 0;
    for (let length = Math.min(LONGEST_WORD, chars.length - at); length >= 1 && found === 0; length -= 1) {
      found = vocabulary.has(chars.slice(at, at + length).join("")) ? length : 0;
    }
    if (found > 0) {
      flush();
      out.push(chars.slice(at, at + found).join(""));
      at += found;
      continue;
    }
    const char = chars[at] ?? "";
    if (leftover && scriptOf(leftover.at(-1) ?? "") !== scriptOf(char)) {
      flush();
    }
    leftover += char;
    at += 1;
  }
  flush();
  return out;
}

export function hasJapaneseScript(text: string): boolean {
  return /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
}
