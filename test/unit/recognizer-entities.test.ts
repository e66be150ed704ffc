import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";

import type { Entities, Intent } from "../../src/features/conversation/intents";
import { recognize } from "../../src/features/conversation/recognizer";

interface EntityCase {
  text: string;
  intent: Intent;
  entities: Entities;
}

const cases = JSON.parse(
  readFileSync(path.join(__dirname, "..", "fixtures", "utterances", "entities.json"), "utf8"),
) as EntityCase[];

describe("recognize: entities", () => {
  for (const { text, intent, entities } of cases) {
    test(JSON.stringify(text), () => {
      const result = recognize(text);
      assert.equal(result.intent, intent);
      assert.deepEqual(result.entities, entities);
    });
  }

  test("a request naming a method picks that method's walkthrough, typos included", () => {
    assert.equal(recognize("how do i set up my yubikey").intent, "registerPasskey");
    assert.equal(recognize("set up windows helo").intent, "registerWhfb");
    assert.equal(recognize("setup certficate auth").intent, "registerCertificate");
    assert.equal(recognize("set up microsoft authenticator").intent, "registerMfaMethod");
  });

  test("the method named most strongly wins", () => {
    assert.equal(recognize("set up a security key, not sms").entities.method, "passkey");
  });

  test("an explicit phase beats the tool's phase", () => {
    assert.deepEqual(recognize("phase 1 for the cli").entities, { tool: "cli", phase: 1 });
  });

  test("no entities are invented from words that only look like them", () => {
    assert.deepEqual(recognize("the rest of the team is ready, which phase i am in?").entities, {});
    assert.deepEqual(recognize("email me at home").entities, {});
  });
});
