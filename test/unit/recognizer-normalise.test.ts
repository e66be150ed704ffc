import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { boundedDamerauLevenshtein, maxEditsFor } from "../../src/features/conversation/fuzzy";
import { INTENTS } from "../../src/features/conversation/intents";
import { PHRASES_BY_FIRST_WORD, resolveWord } from "../../src/features/conversation/lexicon";
import { MATCH_CAP, normalise } from "../../src/features/conversation/normalise";
import { recognize } from "../../src/features/conversation/recognizer";

describe("normalise", () => {
  test("strips Teams mention markup, HTML tags and entities", () => {
    assert.equal(normalise("<at>MFA Ready</at>&nbsp;am I affected?"), "am i affected");
    assert.equal(
      normalise('<at id="0">MFA Ready</at> <p>check&nbsp;my <b>status</b></p>'),
      "check my status",
    );
    assert.equal(normalise("Q&amp;A &lt;team&gt; &#39;ready&#x27; &hellip; &bogus;"), "q a team ready");
    assert.equal(recognize("<at>MFA Ready</at>&nbsp;<p>readiness&nbsp;report</p>").intent, INTENTS.report);
  });

  test("the bot's own name in the mention does not count as a word", () => {
    assert.equal(recognize("<at>MFA Ready</at>").intent, INTENTS.unknown);
    assert.equal(recognize("<at>MFA Ready</at> who is not ready").intent, INTENTS.report);
  });

  test("expands contractions, with or without the apostrophe", () => {
    assert.equal(normalise("I can't sign in"), "i can not sign in");
    assert.equal(
      normalise("I cant, I won’t, who isnt ready, it's fine"),
      "i can not i will not who is not ready it is fine",
    );
    assert.equal(
      normalise("I'm locked out, we're stuck, they'll wait, I'd like, we've tried"),
      "i am locked out we are stuck they will wait i would like we have tried",
    );
  });

  test("folds case, accents, full-width letters, emoji and punctuation; replaces slang", () => {
    assert.equal(normalise("ＲＥＡＤＩＮＥＳＳ  Répört!!! 🚀🚀"), "readiness report");
    assert.equal(normalise("r u sure?? pls thx"), "are you sure please thanks");
    assert.equal(normalise("scripts w/o mfa"), "scripts without mfa");
  });

  test("drops e-mail addresses and links from the words matched", () => {
    assert.equal(
      normalise("status for bob@contoso.example see https://aka.ms/mfaforazure"),
      "status for see",
    );
  });

  test("caps the matched text at a word boundary", () => {
    const text = normalise("word ".repeat(1000));
    assert.ok(text.length <= MATCH_CAP && text.endsWith("word"));
  });
});

describe("fuzzy matching", () => {
  test("Damerau-Levenshtein counts a swap of neighbours as one edit", () => {
    assert.equal(boundedDamerauLevenshtein("audti", "audit", 2), 1);
    assert.equal(boundedDamerauLevenshtein("postpne", "postpone", 2), 1);
    assert.equal(boundedDamerauLevenshtein("pasky", "passkey", 2), 2);
    assert.equal(boundedDamerauLevenshtein("kitten", "sitting", 5), 3);
  });

  test("stops at the bound", () => {
    assert.equal(boundedDamerauLevenshtein("broadcast", "qwertyuiop", 2), 3);
    assert.equal(boundedDamerauLevenshtein("a", "abcdef", 1), 2);
  });

  test("tolerance grows with word length; short words must be exact", () => {
    assert.deepEqual(["tap", "help", "audit", "status", "passkey"].map(maxEditsFor), [0, 0, 1, 1, 2]);
    assert.equal(resolveWord("hlep").word, "hlep");
    assert.equal(resolveWord("afected").word, "affected");
    assert.equal(resolveWord("brodcast").word, "broadcast");
  });

  test("common words near a vocabulary word are never corrected into it", () => {
    assert.equal(resolveWord("states").word, "states");
    assert.equal(resolveWord("expert").word, "expert");
    assert.equal(resolveWord("audio").word, "audio");
  });
});

describe("the vocabulary", () => {
  test("no two phrases become the same words after normalisation", () => {
    const seen = new Set<string>();
    for (const phrases of PHRASES_BY_FIRST_WORD.values()) {
      for (const phrase of phrases) {
        const key = phrase.words.join(" ");
        assert.ok(phrase.words.length > 0 && !seen.has(key), `phrase "${key}" is listed twice`);
        seen.add(key);
      }
    }
  });
});

describe("speed", () => {
  test("recognises well over 20k utterances per CPU second; long input costs little more", (t) => {
    const texts = [
      "am i afected?",
      "set up my security key please",
      "readyness reprot",
      "can we postpne phase 2",
      "<at>MFA Ready</at>&nbsp;brodcast to everyone who isn't ready",
      "lorem ipsum dolor sit amet",
    ];
    // CPU time, not wall time: other processes on a busy machine must not fail this test.
    const perCpuSecond = (inputs: string[], rounds: number): number => {
      const before = process.cpuUsage();
      for (let round = 0; round < rounds; round += 1) {
        inputs.forEach((text) => recognize(text));
      }
      const used = process.cpuUsage(before);
      return Math.round((rounds * inputs.length) / ((used.user + used.system) / 1e6));
    };
    perCpuSecond(texts, 2000);
    const short = perCpuSecond(texts, 10_000);
    const long = perCpuSecond(["Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(700)], 300);
    t.diagnostic(`${short} short utterances/s, ${long} 40k-character messages/s (CPU time)`);
    assert.ok(short > 20_000, `${short}/s`);
    assert.ok(long > 500, `${long}/s`);
  });
});
