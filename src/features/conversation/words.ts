/**
 * General English word lists the recogniser needs beside the intent vocabulary: which words carry no
 * meaning for matching, which informal spellings to replace, and which common words must never be
 * "corrected" into a vocabulary word by the fuzzy matcher.
 */

/** Dropped before phrase matching, so "set up my security key" matches the phrase "set up security key". */
export const FILLERS: ReadonlySet<string> = new Set(
  "a an the my our your their his her this that these those some please just really kindly actually quickly maybe um uh hmm bot".split(
    " ",
  ),
);

/** Words that neither help nor hurt: they do not count against a message's coverage by the vocabulary. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "i me we us you it its is am are was were be been being do does did done will would can could should shall " +
    "may might must have has had to of in on for with at by from about into as and or but if so not no yes " +
    "what which who whom how when where why there here all any every again also too very now then ok okay " +
    "thanks thank cheers get got need needs needed want wants know tell show give let make going go still yet " +
    "already sure quick question something thing things stuff use using new one up out off they them he she " +
    "mine bot mfa ready app again anyone someone guys team folks like well right hi hey hello"
  ).split(" "),
);

/** Informal spellings people type in chat (contractions without their apostrophe too), replaced word for word. */
export const SLANG: Readonly<Record<string, string>> = {
  cant: "can not",
  cannot: "can not",
  wont: "will not",
  dont: "do not",
  doesnt: "does not",
  didnt: "did not",
  isnt: "is not",
  arent: "are not",
  wasnt: "was not",
  werent: "were not",
  havent: "have not",
  hasnt: "has not",
  hadnt: "had not",
  couldnt: "could not",
  wouldnt: "would not",
  shouldnt: "should not",
  im: "i am",
  whats: "what is",
  whos: "who is",
  thats: "that is",
  theres: "there is",
  u: "you",
  ur: "your",
  r: "are",
  pls: "please",
  plz: "please",
  plox: "please",
  thx: "thanks",
  ty: "thanks",
  msg: "message",
  msgs: "messages",
  wanna: "want to",
  gonna: "going to",
  gotta: "have to",
  idk: "i do not know",
  abt: "about",
  bc: "because",
  cuz: "because",
  signin: "sign in",
  logon: "log on",
  wk: "week",
  wks: "weeks",
  tmrw: "tomorrow",
  hv: "have",
  k: "ok",
  whatsup: "what is up",
  wassup: "what is up",
  sup: "what is up",
};

/**
 * Real words one or two edits away from a vocabulary word ("states" ~ "status", "expert" ~ "export"):
 * they are matched exactly or not at all.
 */
export const PROTECTED_WORDS: ReadonlySet<string> = new Set(
  (
    "states statue stated expert extent audio chat layer reads reader novice deter relay suppose sport " +
    "passed passes impart portrait polish shone delta decay except"
  ).split(" "),
);
