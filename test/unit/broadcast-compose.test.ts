import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { LIMITS, parseUpnList, validateCompose } from "../../src/features/broadcast/compose";
import { buildMessageCard, messageCardFactory } from "../../src/features/broadcast/message-card";
import { isAllowedUrl, renderMessageMarkdown } from "../../src/features/broadcast/message-text";

const base = {
  title: "Set up MFA",
  message: "Microsoft now **requires MFA**.",
  audience: "affected-not-ready",
};

describe("broadcast compose validation", () => {
  it("accepts a plain notice and keeps the subset", () => {
    const result = validateCompose(base);
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && result.content, {
      title: "Set up MFA",
      message: "Microsoft now **requires MFA**.",
      audience: { kind: "affected-not-ready" },
    });
  });

  it("refuses a 10,000-character message with ${...} and HTML, saying why, and stores nothing", () => {
    const message = `<script>alert(1)</script> \${user.name} `.padEnd(10_000, "x");
    const result = validateCompose({ ...base, message });
    assert.equal(result.ok, false);
    assert.ok(
      !result.ok &&
        result.problems.some(
          (problem) =>
            problem.includes("10,000") && problem.includes(LIMITS.messageChars.toLocaleString("en-US")),
        ),
    );
  });

  it("names every problem at once: empty title, no audience, bad link, bad button", () => {
    const result = validateCompose({
      title: " ",
      message: "see [this](http://evil.example/x)",
      audience: "everyone",
      buttonUrl: "https://evil.example",
    });
    assert.equal(result.ok, false);
    const problems = result.ok ? "" : result.problems.join("\n");
    for (const expected of [
      "title is empty",
      "Choose who receives",
      "not allowed: http://evil.example/x",
      "link button must be",
    ]) {
      assert.ok(problems.includes(expected), `missing "${expected}" in ${problems}`);
    }
  });

  it("takes a walkthrough button by code, or an allowed URL, not both", () => {
    const walkthrough = validateCompose({ ...base, buttonCode: "REGISTER_PASSKEY" });
    assert.deepEqual(walkthrough.ok && walkthrough.content.button, {
      kind: "walkthrough",
      code: "REGISTER_PASSKEY",
    });
    assert.equal(validateCompose({ ...base, buttonCode: "DROP_TABLES" }).ok, false);
    const link = validateCompose({
      ...base,
      buttonUrl: "https://aka.ms/mysecurityinfo",
      buttonTitle: "Open",
    });
    assert.deepEqual(link.ok && link.content.button, {
      kind: "url",
      url: "https://aka.ms/mysecurityinfo",
      title: "Open",
    });
    assert.equal(
      validateCompose({ ...base, buttonCode: "REGISTER_PASSKEY", buttonUrl: "https://aka.ms/x" }).ok,
      false,
    );
  });

  it("audiences: group needs a GUID, pasted UPNs are parsed and invalid ones reported", () => {
    assert.equal(validateCompose({ ...base, audience: "group", groupId: "not-a-guid" }).ok, false);
    const group = validateCompose({
      ...base,
      audience: "group",
      groupId: "90000000-0000-4000-8000-000000000003",
    });
    assert.deepEqual(group.ok && group.content.audience, {
      kind: "group",
      groupId: "90000000-0000-4000-8000-000000000003",
    });
    assert.deepEqual(parseUpnList("Ben@contoso.example, ben@contoso.example;\nnope\n dana@contoso.example"), {
      upns: ["ben@contoso.example", "dana@contoso.example"],
      invalid: ["nope"],
    });
    const pasted = validateCompose({ ...base, audience: "upns", upns: "nope" });
    assert.ok(!pasted.ok && pasted.problems.some((problem) => problem.includes("nope")));
  });

  it("reminder days are 0..60 whole numbers", () => {
    assert.equal(
      validateCompose({ ...base, remindDays: "7" }).ok && validateCompose({ ...base, remindDays: "7" }).ok,
      true,
    );
    assert.equal(validateCompose({ ...base, remindDays: "-1" }).ok, false);
    assert.equal(validateCompose({ ...base, remindDays: "1.5" }).ok, false);
  });
});

describe("broadcast message text", () => {
  it("allows https links to Microsoft hosts only", () => {
    assert.equal(isAllowedUrl("https://aka.ms/mfasetup"), true);
    assert.equal(isAllowedUrl("https://learn.microsoft.com/entra"), true);
    assert.equal(isAllowedUrl("http://aka.ms/x"), false);
    assert.equal(isAllowedUrl("https://aka.ms.evil.example/x"), false);
    assert.equal(isAllowedUrl("https://user:pw@aka.ms/x"), false);
  });

  it("keeps bold, lists and links; escapes HTML, headings and ${", () => {
    const text = renderMessageMarkdown(
      "# Title\n**bold** <b>x</b> ${user.name}\n- [guide](https://aka.ms/x)",
    );
    assert.equal(text, "\\# Title\n**bold** \\<b\\>x\\</b\\> \\${user.name}\n- [guide](https://aka.ms/x)");
  });

  it("the recipient's card shows the admin's text literally, never evaluated", () => {
    const card = buildMessageCard(
      { title: "${title} <i>", message: "${verbs.showHelp} {{x}}" },
      "Your line ${x}",
      "Adele",
    );
    const json = JSON.stringify(card);
    assert.ok(json.includes("\\\\${verbs.showHelp} {{x}}"), json);
    assert.ok(!json.includes("help.show"), "a template expression in the text was evaluated");
    assert.ok(json.includes("Your line"));
  });

  it("the per-recipient factory fills in the recipient's own line exactly as the template would (no marker left)", () => {
    const content = { title: "MFA", message: "Please **act**", button: undefined };
    const factory = messageCardFactory(content, "Adele");
    for (const line of [
      "You sign in to the Azure portal and admin centres, so Microsoft requires MFA for you. You have no MFA method that counts yet: you are not ready.",
      'Odd $& $\' $1 \\ "quoted" *star* [x]\n- item',
    ]) {
      const card = factory(line);
      assert.deepEqual(card, buildMessageCard(content, line, "Adele"));
      const json = JSON.stringify(card);
      assert.ok(!/mfareadypersonal|\\u0000|\ufffd/.test(json), json);
    }
    assert.deepEqual(factory(undefined), buildMessageCard(content, undefined, "Adele"));
  });
});
