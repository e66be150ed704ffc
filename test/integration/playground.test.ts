/**
 * The real Microsoft 365 Agents Playground (its CLI, as `npm run playground` starts it) in front of the
 * real bot in demo mode: the Playground plays Teams and the Bot Connector, and reads .m365agentsplayground.yml.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { findPersona, personaConfig } from "../../scripts/playground-personas";
import type { AdaptiveCardJson } from "../../src/cards/types";
import { readConfig } from "../../src/config";
import { loadSnapshot } from "../../src/directory/snapshot";
import { type RunningService, runService } from "../../src/index";
import { createLogger } from "../../src/logger";
import { cardTexts as texts } from "../support/card-nodes";
import { PlaygroundClient, type PlaygroundContext } from "../support/playground-client";
import { type PlaygroundProcess, startPlayground } from "../support/playground-process";

const DEMO_TENANT = path.resolve(__dirname, "..", "..", "src", "dev", "demo-tenant.json");

/** Every string in a card, for "the card says…" assertions. */

/** The object with this `id` anywhere in the card. */
function part(card: AdaptiveCardJson, id: string): unknown {
  const stack: unknown[] = [card];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item !== null && typeof item === "object") {
      if ((item as { id?: unknown }).id === id && item !== card) {
        return item;
      }
      stack.push(...Object.values(item));
    }
  }
  return undefined;
}

describe("the Agents Playground against the bot (demo mode)", { timeout: 45_000 }, () => {
  let dataDir: string;
  let bot: RunningService | undefined;
  let playground: PlaygroundProcess | undefined;
  let client: PlaygroundClient | undefined;
  let teams: PlaygroundContext;
  const logs: string[] = [];

  /** Idempotent: runs from a failing `before` and again from `after`. */
  const close = async () => {
    const [openClient, openPlayground, openBot] = [client, playground, bot];
    [client, playground, bot] = [undefined, undefined, undefined];
    openClient?.close();
    await openPlayground?.stop();
    await openBot?.stop(1_000);
    rmSync(dataDir, { recursive: true, force: true });
  };

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "mfa-playground-"));
    try {
      const config = readConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "warn" });
      const destination = { write: (line: string) => logs.push(line) };
      bot = await runService(config, createLogger({ level: "warn", destination }));
      playground = await startPlayground({
        botEndpoint: `${bot.url}/api/messages`,
        logFile: path.join(dataDir, "playground.log"),
      });
      client = await PlaygroundClient.connect(playground.url);
      teams = await client.context();
    } catch (error) {
      await close();
      throw error;
    }
  });
  after(close);

  const chat = () => {
    assert.ok(client, "the Playground client is connected");
    return { client, conversation: teams.personalChat.id, me: teams.currentUser.id };
  };

  it("loads our Teams context: the demo tenant and a demo persona as the current user", () => {
    const demo = JSON.parse(readFileSync(DEMO_TENANT, "utf8")) as {
      tenant: { id: string };
      users: { id: string }[];
    };
    assert.equal(teams.tenantId, demo.tenant.id);
    assert.equal(teams.bot.name, "MFA Ready");
    assert.ok(
      demo.users.some((user) => user.id === teams.currentUser.aadObjectId),
      "the current user is a demo-tenant user",
    );
  });

  it("loads the same context `npm run playground -- --as adele` writes (the personas' shape holds)", async () => {
    const snapshot = loadSnapshot(DEMO_TENANT);
    const adele = findPersona(snapshot.users, "adele");
    type Context = {
      tenantId: string;
      bot: object;
      currentUser: object;
      users: object[];
      personalChat: { id: string };
    };
    const pick = ({ tenantId, bot, currentUser, users, personalChat }: Context) => ({
      tenantId,
      bot,
      currentUser,
      users,
      personalChat: personalChat.id,
    });
    // The Playground hands back its normalised form (chats and teams as lists): compare who is who.
    const loaded = (await chat().client.call("GET", "/_internal/v1/config")) as { config: Context };
    const written = personaConfig(snapshot.tenant.id, snapshot.users, adele) as unknown as Context;
    assert.deepEqual(pick(loaded.config), pick(written));
  });

  it("welcomes once when the app is installed in the personal chat", async () => {
    const { client, conversation } = chat();
    const since = client.received.length;
    await client.install(conversation);
    const { card } = await client.waitForCard("welcome", since);
    // The Playground's install activities carry no from.name (as in Teams), so no greeting by name here.
    assert.ok(texts(card).includes("Am I affected?"), "the welcome card offers the status check");
    // Teams-like clients announce an install twice (installationUpdate, membersAdded): one welcome only.
    const help = client.received.length;
    await client.say(conversation, teams.currentUser.id, "help");
    await client.waitForCard("help", help);
    assert.equal(
      client.received.slice(since).filter((message) => JSON.stringify(message).includes('"id":"welcome"'))
        .length,
      1,
    );
  });

  it('answers "help" with the help card', async () => {
    const { client, conversation, me } = chat();
    const since = client.received.length;
    await client.say(conversation, me, "help");
    const { card } = await client.waitForCard("help", since);
    assert.ok(
      !texts(card).some((text) => text.includes("didn't understand")),
      "no 'I didn't understand' for help",
    );
  });

  it("answers gibberish with the help card that quotes it literally", async () => {
    const { client, conversation, me } = chat();
    const gibberish = "qwzx ${bad} **bold** <b>vlorp</b>";
    const since = client.received.length;
    await client.say(conversation, me, gibberish);
    const { card } = await client.waitForCard("help", since);
    assert.ok(texts(card).includes(gibberish), `the card quotes ${JSON.stringify(gibberish)} as typed`);
  });

  it('answers "am I affected?" with the status card of the current persona', async () => {
    const { client, conversation, me } = chat();
    const demo = JSON.parse(readFileSync(DEMO_TENANT, "utf8")) as {
      users: { id: string; displayName: string; userPrincipalName: string }[];
    };
    const persona = demo.users.find((user) => user.id === teams.currentUser.aadObjectId);
    assert.ok(persona);
    const since = client.received.length;
    await client.say(conversation, me, "am I affected?");
    const { message, card } = await client.waitForCard("status", since);
    const all = texts(card);
    assert.ok(
      all.some((text) => text.includes(`${persona.displayName} (${persona.userPrincipalName})`)),
      "names the persona",
    );
    // Adele Vance (src/dev/README.md): Global Administrator in the portal every week, no MFA method.
    assert.ok(texts(part(card, "phase1")).includes("Affected"), "phase 1: affected");
    assert.ok(all.includes("Add a passkey"), "offers the passkey as the next step");

    // Its Refresh button goes back through the Playground as an Action.Execute invoke.
    const refresh = part(card, "refresh") as { type: string; verb: string; data: object };
    assert.equal(refresh.type, "Action.Execute");
    const refreshed = (await client.execute(conversation, me, message.messageId, {
      verb: refresh.verb,
      data: refresh.data,
    })) as {
      value?: AdaptiveCardJson;
    };
    assert.equal(refreshed.value?.id, "status");
    assert.ok(texts(refreshed.value).some((text) => text.includes(persona.userPrincipalName)));
  });
});
