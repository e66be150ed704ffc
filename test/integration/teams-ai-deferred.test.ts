import assert from "node:assert/strict";
import { after, before, it } from "node:test";

import { deferredModulesLoaded } from "../../src/bot/defer-unused-teams-ai";
import { DEMO, startStatusBot, type StatusBot } from "../support/status-bot";

// Its own file, so its own process: the bot's modules load here exactly as they do in `npm start`.
let app: StatusBot;
before(async () => {
  app = await startStatusBot();
});
after(() => app.close());

it("answers turns without loading teams-ai's AI and authentication modules, which it never configures", async () => {
  const card = await app.ask(DEMO.ben);
  assert.equal(card.id, "status");
  assert.equal((await app.refresh(DEMO.ben)).card.id, "status");
  assert.deepEqual(deferredModulesLoaded(), []);
  // The deferred index files stand in the cache as proxies; nothing behind them has loaded.
  const loaded = Object.keys(require.cache).filter(
    (file) => !file.endsWith("botbuilder-dialogs/lib/index.js"),
  );
  for (const heavy of [
    "/node_modules/openai/",
    "/node_modules/gpt-tokenizer/",
    "/node_modules/botbuilder-dialogs/",
  ]) {
    assert.equal(loaded.filter((file) => file.includes(heavy)).length, 0, `${heavy} was loaded`);
  }
});

it("loads a deferred module for real on first use", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- what a library touching it would do
  const dialogs = require("botbuilder-dialogs") as { Dialog: unknown; DialogSet: unknown };
  assert.equal(typeof dialogs.Dialog, "function");
  assert.equal(typeof dialogs.DialogSet, "function");
  assert.deepEqual(deferredModulesLoaded(), ["botbuilder-dialogs/lib/index.js"]);
});
