import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

import { buildErrorCard } from "../../src/cards/error-card";
import { buildHelpCard } from "../../src/cards/help-card";
import { escapeMarkdown, userText } from "../../src/cards/markdown";
import { createCardRenderer, renderCard } from "../../src/cards/render";
import { CardTemplateError } from "../../src/cards/types";
import { VERBS } from "../../src/cards/verbs";
import { buildWelcomeCard } from "../../src/cards/welcome-card";

const dir = mkdtempSync(path.join(tmpdir(), "mfa-ready-cards-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, card: object) =>
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(card));
write("echo", {
  type: "AdaptiveCard",
  version: "1.5",
  id: "echo",
  body: [
    { type: "TextBlock", text: "${said}", wrap: true },
    { type: "TextBlock", text: "You said: ${said}", wrap: true },
    { type: "FactSet", facts: [{ $data: "${facts}", title: "${title}", value: "${value}" }] },
  ],
  actions: [{ type: "Action.Execute", title: "Help", verb: "${verbs.showHelp}" }],
});
write("wrong-id", { type: "AdaptiveCard", version: "1.5", id: "something-else" });
writeFileSync(path.join(dir, "broken.json"), "{ not json");
const renderer = createCardRenderer(dir);

/** The element types of every object in `card` with a property that contains `text`. */
function placesOf(card: unknown, text: string): string[] {
  if (Array.isArray(card)) {
    return card.flatMap((item) => placesOf(item, text));
  }
  if (card === null || typeof card !== "object") {
    return [];
  }
  const values = Object.values(card);
  const here = values.some((value) => typeof value === "string" && value.includes(text));
  return [
    ...(here ? [String((card as { type?: unknown }).type)] : []),
    ...values.flatMap((value) => placesOf(value, text)),
  ];
}

describe("renderCard", () => {
  const hostile = ["${bad}", "${if(true, 'x', 'y')}", "${verbs.showHelp}", "${json('{}')}", "`${1+1}`", "${"];

  for (const said of hostile) {
    it(`shows ${JSON.stringify(said)} literally, never evaluated`, () => {
      const card = renderer.render("echo", { said, facts: [{ title: said, value: said }] });
      const body = card.body as Array<Record<string, unknown>>;
      assert.equal(body[0]!.text, said);
      assert.equal(body[1]!.text, `You said: ${said}`);
      assert.deepEqual(body[2]!.facts, [{ title: said, value: said }]);
    });
  }

  it("injects the verb map, so templates and the bot share one source", () => {
    const card = renderer.render("echo", { said: "hi", facts: [], verbs: { showHelp: "forged.verb" } });
    assert.equal((card.actions as Array<Record<string, unknown>>)[0]!.verb, VERBS.showHelp);
  });

  it("rejects unknown names, path tricks and upper case before touching the disk", () => {
    const reasons = (name: string) => {
      try {
        renderer.render(name, {});
        return "rendered";
      } catch (err) {
        return err instanceof CardTemplateError ? `${err.reason}: ${err.message}` : String(err);
      }
    };
    assert.match(reasons("nope"), /^unknown-template: No card template "nope"/);
    for (const name of ["../package", "echo.json", "Echo", "", "a/b", "..\\x"]) {
      assert.match(reasons(name), /^invalid-name:/, name);
    }
  });

  it("reports data the template needs but was not given, instead of showing ${said}", () => {
    assert.throws(
      () => renderer.render("echo", { facts: [] }),
      (err: unknown) =>
        err instanceof CardTemplateError && err.reason === "missing-data" && /said/.test(err.message),
    );
  });

  it("rejects a template whose id is not its name, and one that is not JSON", () => {
    assert.throws(() => renderer.render("wrong-id", {}), /must be an AdaptiveCard whose id is "wrong-id"/);
    assert.throws(() => renderer.render("broken", {}), /"broken" is not valid JSON/);
  });

  it("finds adaptiveCards/ from the package root", () => {
    assert.equal(renderCard("help", { showAdminJobs: false }).id, "help");
  });
});

describe("escapeMarkdown / userText", () => {
  it("neutralises Adaptive Card Markdown so it shows as typed", () => {
    assert.equal(escapeMarkdown("**x**"), "\\*\\*x\\*\\*");
    assert.equal(escapeMarkdown("[a](http://evil)"), "\\[a\\](http://evil)");
    assert.equal(escapeMarkdown("_it_ and \\*"), "\\_it\\_ and \\\\\\*");
    assert.equal(
      escapeMarkdown("- one\n2. two\n  + three\n# four"),
      "\\- one\n2\\. two\n  \\+ three\n\\# four",
    );
    assert.equal(escapeMarkdown("plain text, a-b 3.5 (ok)"), "plain text, a-b 3.5 (ok)");
    assert.equal(userText(undefined), "");
    assert.equal(userText("*"), "\\*");
  });
});

describe("card builders", () => {
  const markdown = "**boss** [click](http://evil) ${bad}";

  it("welcome: the person's name sits in a TextRun (never Markdown) and the dates come from the timeline", () => {
    const card = buildWelcomeCard({ userName: markdown, now: new Date("2025-11-01T00:00:00Z") });
    const json = JSON.stringify(card);
    assert.deepEqual(placesOf(card, markdown), ["TextRun"]);
    assert.ok(json.includes('"title":"Since 1 October 2025"'), json);
    assert.ok(json.includes('"title":"Since 1 October 2024"'));
    const actions = (card.actions as Array<Record<string, unknown>>).map((action) => [
      action.title,
      action.verb,
    ]);
    assert.deepEqual(actions, [
      ["Am I affected?", VERBS.checkStatus],
      ["Set up a passkey", VERBS.startRegistration],
      ["Can we postpone?", VERBS.requestPostponement],
      ["Help", VERBS.showHelp],
    ]);
  });

  it("welcome: says From for a date still ahead, and leaves the greeting out without a name", () => {
    const card = buildWelcomeCard({ now: new Date("2025-09-01T00:00:00Z") });
    const json = JSON.stringify(card);
    assert.ok(json.includes('"title":"From 1 October 2025"'));
    assert.ok(!json.includes('"text":"Hi "'));
  });

  it("help: echoes what was not understood in a TextRun, shortened, and hides admin jobs on request", () => {
    const card = buildHelpCard({ misunderstood: `${markdown}${"x".repeat(300)}`, showAdminJobs: false });
    const json = JSON.stringify(card);
    const echoed = `${markdown}${"x".repeat(200 - markdown.length)}…`;
    assert.ok(json.includes(`{"type":"TextRun","text":${JSON.stringify(echoed)},"italic":true}`));
    assert.deepEqual(placesOf(card, markdown), ["TextRun"]);
    assert.ok(!json.includes(VERBS.readinessReport) && !json.includes(VERBS.broadcastCompose));
    const admin = JSON.stringify(buildHelpCard({ showAdminJobs: true }));
    assert.ok(admin.includes(VERBS.readinessReport) && admin.includes(VERBS.broadcastCompose));
    assert.ok(!admin.includes("I didn't understand"));
  });

  it("error: every text is a TextRun, with an optional retry button", () => {
    const card = buildErrorCard({ title: markdown, whatHappened: markdown, whatToDo: markdown });
    assert.deepEqual(placesOf(card, markdown), ["TextRun", "TextRun", "TextRun"]);
    assert.deepEqual(
      (card.actions as Array<Record<string, unknown>>).map((action) => action.verb),
      [VERBS.showHelp],
    );
    const retry = buildErrorCard({
      title: "t",
      whatHappened: "w",
      whatToDo: "d",
      retry: { title: "Again", verb: VERBS.checkStatus },
    });
    assert.deepEqual(
      (retry.actions as Array<Record<string, unknown>>).map((action) => action.verb),
      [VERBS.checkStatus, VERBS.showHelp],
    );
  });
});
