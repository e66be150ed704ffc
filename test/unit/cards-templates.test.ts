import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

import * as AC from "adaptivecards";

import { createCardRenderer } from "../../src/cards/render";
import type { AdaptiveCardJson } from "../../src/cards/types";
import { isVerb } from "../../src/cards/verbs";
import { isCoveredByFallback, walkCard } from "../support/card-nodes";

const renderer = createCardRenderer();
const samples = path.resolve(__dirname, "..", "fixtures", "cards");

/** Parses like a host would, returning every parse and validation event as "Kind: message". */
function parseProblems(card: AdaptiveCardJson): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return problems;
}

describe("the adaptivecards library", () => {
  it("knows Action.Execute at version 1.5 (so the template checks below can fail)", () => {
    const card = {
      type: "AdaptiveCard",
      version: "1.5",
      id: "x",
      actions: [{ type: "Action.Execute", title: "t", verb: "v" }],
    };
    assert.deepEqual(parseProblems(card as AdaptiveCardJson), []);
    const unknown = { ...card, body: [{ type: "Text.Bogus" }] };
    assert.match(parseProblems(unknown as AdaptiveCardJson).join("\n"), /UnknownElementType/);
  });
});

describe("every template in adaptiveCards/", () => {
  const names = renderer.names();

  it("includes the cards the bot relies on", () => {
    for (const name of ["welcome", "help", "error"]) {
      assert.ok(names.includes(name), `adaptiveCards/${name}.json is missing`);
    }
  });

  for (const name of names) {
    describe(name, () => {
      const sampleFile = path.join(samples, `${name}.json`);

      it("has sample data in test/fixtures/cards", () => {
        assert.ok(existsSync(sampleFile), `add sample view-model data for "${name}" at ${sampleFile}`);
      });

      it("expands with its sample into a valid Adaptive Card 1.5 whose id is its name", () => {
        const data = JSON.parse(readFileSync(sampleFile, "utf8")) as object;
        const card = renderer.render(name, data);
        assert.equal(card.id, name);
        assert.equal(card.version, "1.5");
        assert.deepEqual(
          parseProblems(card).filter((problem) => !isCoveredByFallback(card, problem)),
          [],
        );
        assert.doesNotMatch(
          JSON.stringify(card),
          /\$\{|"\$data"|"\$when"/,
          "template syntax left in the card",
        );

        const nodes = [...walkCard(card)];
        for (const node of nodes.filter((item) => item.type === "TextBlock")) {
          assert.equal(node.wrap, true, `TextBlock "${String(node.text)}" must wrap, or Teams cuts it off`);
          assert.ok(typeof node.text === "string" && node.text.length > 0, "TextBlock without text");
        }
        const actions = nodes.filter((item) => item.type === "Action.Execute");
        for (const action of actions) {
          assert.ok(
            isVerb(action.verb),
            `verb "${String(action.verb)}" is not declared in src/cards/verbs.ts`,
          );
          assert.ok(
            typeof action.title === "string" && action.title.length > 0,
            "Action.Execute without a title",
          );
        }
        assert.equal(
          nodes.filter((item) => item.type === "Action.Submit").length,
          0,
          "use Action.Execute (Universal Actions)",
        );
      });
    });
  }
});
