import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";

import type { Intent } from "../../src/features/conversation/intents";
import { INTENTS } from "../../src/features/conversation/intents";
import { recognize } from "../../src/features/conversation/recognizer";

const fixtures = path.join(__dirname, "..", "fixtures", "utterances");
const byIntent = JSON.parse(readFileSync(path.join(fixtures, "intents.json"), "utf8")) as Record<
  Intent,
  string[]
>;
const offTopic = (
  JSON.parse(readFileSync(path.join(fixtures, "off-topic.json"), "utf8")) as { unknown: string[] }
).unknown;
const labelled = Object.entries(byIntent).flatMap(([intent, texts]) =>
  texts.map((text) => ({ text, intent })),
);

describe("recognize: every labelled utterance", () => {
  for (const { text, intent } of labelled) {
    test(`${JSON.stringify(text)} -> ${intent}`, () => {
      const result = recognize(text);
      assert.equal(
        result.intent,
        intent,
        `confidence ${result.confidence}, normalised "${result.normalised}"`,
      );
      assert.ok(result.confidence >= 0.5 && result.confidence <= 1);
    });
  }
});

describe("recognize: gibberish and off-topic messages are unknown", () => {
  for (const text of offTopic) {
    test(JSON.stringify(text), () => {
      assert.equal(recognize(text).intent, INTENTS.unknown);
    });
  }

  test("empty and blank messages", () => {
    for (const text of ["", "   ", "\n\t", "&nbsp;", "<at>MFA Ready</at>"]) {
      assert.deepEqual(recognize(text), { intent: "unknown", confidence: 0, entities: {}, normalised: "" });
    }
  });

  test("very long text is unknown, capped, and cheap", () => {
    const lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ".repeat(
      500,
    );
    const started = performance.now();
    const result = recognize(lorem);
    assert.equal(result.intent, INTENTS.unknown);
    assert.ok(result.normalised.length <= 500);
    assert.ok(performance.now() - started < 200);
  });

  test("a request hidden after the 500-character cap is not read", () => {
    const result = recognize(`${"blah ".repeat(120)} readiness report`);
    assert.equal(result.intent, INTENTS.unknown);
  });

  test("random unicode (seeded) is unknown", () => {
    const random = mulberry32(20251001);
    const blocks: Array<[number, number]> = [
      [0x00c0, 0x00ff],
      [0x0400, 0x04ff],
      [0x0600, 0x06ff],
      [0x4e00, 0x9fff],
      [0x1f300, 0x1f6ff],
      [0x2000, 0x206f],
      [0x0300, 0x036f],
      [0x21, 0x2f],
      [0x30, 0x39],
    ];
    for (let i = 0; i < 300; i += 1) {
      const chars = Array.from({ length: 1 + Math.floor(random() * 40) }, () => {
        const [low, high] = blocks[Math.floor(random() * blocks.length)] ?? [0x20, 0x20];
        return random() < 0.15 ? " " : String.fromCodePoint(low + Math.floor(random() * (high - low + 1)));
      });
      const text = chars.join("");
      assert.equal(recognize(text).intent, INTENTS.unknown, JSON.stringify(text));
    }
  });
});

describe("recognize: greetings and soft intents", () => {
  test("a bare greeting is a greeting, a greeting with a request is the request", () => {
    for (const text of ["hi", "Hello", "hey", "<at>MFA Ready</at> hi"]) {
      assert.equal(recognize(text).intent, INTENTS.greeting, text);
    }
    assert.equal(recognize("hi, am I affected?").intent, INTENTS.status);
    assert.equal(recognize("hello, can you help").intent, INTENTS.help);
  });

  test("two jobs at once is ambiguous, so unknown", () => {
    assert.equal(recognize("postpone the broadcast").intent, INTENTS.unknown);
  });
});

describe("the utterance fixtures themselves", () => {
  test("are many and varied enough", () => {
    const core = ["status", "help", "postpone", "report", "broadcast"].map(
      (key) => byIntent[key as Intent].length,
    );
    const register = Object.keys(byIntent).filter((key) => key.startsWith("register"));
    const coreCount =
      core.reduce((a, b) => a + b, 0) + register.reduce((n, key) => n + byIntent[key as Intent].length, 0);
    assert.ok(labelled.length >= 120, `${labelled.length} labelled`);
    assert.ok(coreCount >= 80, `${coreCount} core`);
    assert.ok(offTopic.length >= 25, `${offTopic.length} off-topic`);
    const covered = new Set(Object.keys(byIntent));
    for (const intent of Object.values(INTENTS).filter((intent) => intent !== INTENTS.unknown)) {
      assert.ok(covered.has(intent), `no utterances for ${intent}`);
    }
  });

  test("no utterance is a substring of another (case-insensitive)", () => {
    const texts = [...labelled.map((item) => item.text), ...offTopic].map((text) => text.toLowerCase());
    for (const [i, a] of texts.entries()) {
      assert.ok(a.trim().length > 0, "blank utterances belong in the test code, not the fixtures");
      texts.forEach((b, j) => assert.ok(i === j || !b.includes(a), `"${a}" is inside "${b}"`));
    }
  });
});

/** A small seeded generator, so the random inputs are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
