/**
 * The README's journeys as people do them: `npm run playground -- --as ben --as alex --as adele` (the
 * real script: the bot in demo mode and one real Agents Playground per person), driven over each
 * Playground's HTTP and WebSocket API as its web page does. Ben checks his status and asks for a
 * Temporary Access Pass, Alex issues it from her window, Ben gets it in his; Ben walks through adding a
 * passkey and registers one through the Graph simulator's /_simulator/ API, as the README says; Ben
 * asks to postpone and Adele approves in hers; Adele runs the readiness report, broadcasts a notice to
 * Ben, Alex and Megan (only the two with an open window get it) and reads the audit log.
 * No line the bot logs is at error level.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { after, before, describe, it } from "node:test";

import type { AdaptiveCardJson } from "../../src/cards/types";
import { walkCard } from "../support/card-nodes";
import { PlaygroundClient, type PlaygroundContext } from "../support/playground-client";

const ROOT = path.resolve(__dirname, "..", "..");
const BEN_ID = "a0000000-0000-4000-8000-000000000002";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const texts = (card: unknown) => JSON.stringify(card);

/** What the README tells a person to run to register a passkey in the demo (curl -k with any token). */
function registerPasskey(simulatorPort: number, userId: string): Promise<number> {
  const body = JSON.stringify({
    "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
    displayName: "YubiKey 5",
    aaGuid: "cb69481e-8ff7-4039-93ec-0a2729a154a8",
  });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method: "POST",
        host: "127.0.0.1",
        port: simulatorPort,
        path: `/_simulator/users/${userId}/authentication/methods`,
        headers: { authorization: "Bearer demo", "content-type": "application/json" },
        rejectUnauthorized: false,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

interface Person {
  client: PlaygroundClient;
  context: PlaygroundContext;
}

describe("the README's journeys in Agents Playgrounds, one per person", { timeout: 240_000 }, () => {
  let child: ChildProcess | undefined;
  let dataDir = "";
  const lines: string[] = [];
  const urls = new Map<string, string>();
  const people = new Map<string, Person>();

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "mfa-journeys-"));
    const port = await freePort();
    child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/playground.ts", "--as", "ben,alex", "--as", "adele"],
      {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, TEAMSAPPTESTER_BROWSER: "none" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    createInterface({ input: child.stderr! }).on("line", (line) => lines.push(line));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${lines.join("\n")}`)), 60_000);
      createInterface({ input: child!.stdout! }).on("line", (line) => {
        lines.push(line);
        const open = /^(.+) in the Agents Playground: open (http:\/\/localhost:\d+)$/.exec(line);
        if (open) {
          urls.set(open[1]!.split(" ")[0]!.toLowerCase(), open[2]!.replace("localhost", "127.0.0.1"));
          if (urls.size === 3) {
            clearTimeout(timer);
            resolve();
          }
        }
      });
      child!.once("exit", (code) => reject(new Error(`the script ended (${code}):\n${lines.join("\n")}`)));
    });
    // Each person opens their window: the page installs the app in their personal chat.
    for (const [name, url] of urls) {
      const client = await PlaygroundClient.connect(url);
      const context = await client.context();
      await client.install(context.personalChat.id);
      await client.waitForCard("welcome", 0, 20_000);
      people.set(name, { client, context });
    }
  });

  after(async () => {
    people.forEach(({ client }) => client.close());
    if (child && child.exitCode === null) {
      const gone = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGTERM");
      await gone;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const person = (name: string) => {
    const found = people.get(name);
    assert.ok(found, `${name}'s Playground is open`);
    return found;
  };

  /** Says something in the person's chat; the first card with that id they get back. */
  async function say(name: string, text: string, cardId: string, timeoutMs = 20_000) {
    const { client, context } = person(name);
    const since = client.received.length;
    await client.say(context.personalChat.id, context.currentUser.id, text);
    return client.waitForCard(cardId, since, timeoutMs);
  }

  /**
   * Presses the button with this id (or title) on a card, with what the person typed in its inputs, as
   * the page merges them into the action's data; the card that replaces it.
   */
  async function press(
    name: string,
    messageId: string,
    card: AdaptiveCardJson,
    button: string,
    inputs: Record<string, string> = {},
  ) {
    const { client, context } = person(name);
    const action = [...walkCard(card)].find(
      (node) => node.type === "Action.Execute" && (node.id === button || node.title === button),
    );
    assert.ok(action, `"${button}" is a button on ${card.id}: ${texts(card)}`);
    const answer = (await client.execute(context.personalChat.id, context.currentUser.id, messageId, {
      verb: action.verb,
      data: { ...(action.data as object), ...inputs },
    })) as { value?: AdaptiveCardJson };
    assert.ok(answer.value, `pressing ${button} answers with a card`);
    return answer.value;
  }

  it("each person's Playground is that person", () => {
    assert.deepEqual([...people.values()].map(({ context }) => context.currentUser.name).sort(), [
      "Adele Vance",
      "Alex Wilber",
      "Ben Carter",
    ]);
  });

  it('Ben: "am I affected?" shows him affected through Azure CLI', async () => {
    const { card } = await say("ben", "am I affected?", "status");
    assert.match(texts(card), /Ben Carter \(ben\.carter@contoso\.example\)/);
    assert.match(texts(card), /Azure CLI/);
  });

  it("Ben asks for a Temporary Access Pass, Alex issues it in her window, Ben gets it in his", async () => {
    const alex = person("alex").client;
    const ben = person("ben").client;
    const alexSince = alex.received.length;
    const { card: asked } = await say("ben", "I can't sign in to register", "registration-notice");
    // Alex is the one approver whose Playground is open; Megan's is not, and is not sent a card.
    assert.match(texts(asked), /I sent your request to 1 admin/);
    const { message, card } = await alex.waitForCard("tap-approval", alexSince, 20_000);
    assert.match(texts(card), /Ben Carter asks for a Temporary Access Pass/);
    const benSince = ben.received.length;
    const issued = await press("alex", message.messageId, card, "issue");
    assert.match(texts(issued), /Issued by Alex Wilber/);
    const { card: pass } = await ben.waitForCard("tap-pass", benSince, 20_000);
    assert.match(texts(pass), /Alex Wilber/);
  });

  it("Ben walks through adding a passkey; after he registers one (the simulator), Check now finds it", async () => {
    const started = await say("ben", "set up a passkey", "walkthrough-step");
    const { message } = started;
    let { card } = started;
    for (let step = 0; card.id === "walkthrough-step" && step < 6; step += 1) {
      card = await press("ben", message.messageId, card, "next");
    }
    assert.equal(card.id, "walkthrough-verify", texts(card));
    const early = await press("ben", message.messageId, card, "verify");
    assert.equal(early.id, "walkthrough-verify", "no passkey yet: still the verify step");
    assert.match(texts(early), /Not found yet/);
    const logged = lines.find((line) => line.includes('"msg":"graph simulator listening"'));
    assert.ok(logged, "the bot logs where the simulator listens");
    const { port } = JSON.parse(logged) as { port: number };
    assert.equal(await registerPasskey(port, BEN_ID), 201);
    const done = await press("ben", message.messageId, early, "verify");
    assert.equal(done.id, "walkthrough-verified", texts(done));
  });

  it("Ben asks to postpone, Adele (Global Administrator) approves in her window, Ben hears back", async () => {
    const adele = person("adele").client;
    const ben = person("ben").client;
    const { message, card: answer } = await say("ben", "can we postpone?", "postponement-answer");
    const formButton = [...walkCard(answer)].find((node) => node.verb === "postponement.form");
    assert.ok(typeof formButton?.title === "string", texts(answer));
    const form = await press("ben", message.messageId, answer, formButton.title);
    assert.equal(form.id, "postponement-request-form", texts(form));
    const nodes = [...walkCard(form)];
    const phase = nodes.find((node) => node.id === "phase") as { choices: { value: string }[] };
    const date = nodes.find((node) => node.id === "wantedDate") as { min: string };
    const adeleSince = adele.received.length;
    const sent = await press("ben", message.messageId, form, "Send to the Global Administrators", {
      phase: phase.choices[0]!.value,
      wantedDate: date.min,
      justification: "The nightly backup pipeline signs in with a password; moving it to a managed identity.",
      affectedSystems: "nightly backup pipeline (Azure CLI)",
    });
    assert.equal(sent.id, "postponement-request-sent", texts(sent));
    const approval = await adele.waitForCard("postponement-approval", adeleSince, 20_000);
    const benSince = ben.received.length;
    const decided = await press("adele", approval.message.messageId, approval.card, "Approve", { note: "" });
    assert.match(texts(decided), /Adele Vance/);
    const { card: outcome } = await ben.waitForCard("postponement-outcome", benSince, 20_000);
    assert.match(texts(outcome), /approved/i);
  });

  it('Adele: "readiness report" scans the tenant and shows the counts', async () => {
    // The scan of 300 users takes some seconds here, more on a busy machine.
    const { message, card } = await say("adele", "readiness report", "report", 90_000);
    assert.match(texts(card), /"id":"counts"/);
    // The Playground cannot show a file consent card: the CSV button says so and gives the command.
    const answered = await press("adele", message.messageId, card, "csv");
    assert.match(texts(answered), /"id":"csvNote"/);
    assert.ok(texts(answered).includes("npx mfa-ready assess --format csv > readiness.csv"));
  });

  it("Adele broadcasts to Ben, Alex and Megan: the two whose windows are open get it", async () => {
    const ben = person("ben").client;
    const alex = person("alex").client;
    const [benSince, alexSince] = [ben.received.length, alex.received.length];
    const { message, card: compose } = await say("adele", "broadcast", "broadcast-compose");
    const preview = await press("adele", message.messageId, compose, "preview", {
      title: "MFA for Azure",
      message: "Microsoft now **requires MFA** for Azure sign-in. Add a passkey this week.",
      audience: "upns",
      groupId: "",
      upns: "ben.carter@contoso.example\nalex.wilber@contoso.example\nmegan.bowen@contoso.example",
      buttonCode: "REGISTER_PASSKEY",
      buttonUrl: "",
      buttonTitle: "",
      remindDays: "0",
    });
    assert.equal(preview.id, "broadcast-preview", texts(preview));
    const progress = await press("adele", message.messageId, preview, "send");
    assert.equal(progress.id, "broadcast-progress", texts(progress));
    for (const client of [ben, alex]) {
      const { card } = await client.waitForCard(
        "broadcast-message",
        client === ben ? benSince : alexSince,
        60_000,
      );
      assert.match(texts(card), /MFA for Azure/);
    }
  });

  it('Adele: "audit" lists what happened, the pass Alex issued among it', async () => {
    const { card } = await say("adele", "audit", "audit-log");
    assert.match(texts(card), /tap\.issued · success.*?Alex Wilber \([^)]*\) for Ben Carter/);
  });

  it("the bot logged nothing at error level", () => {
    assert.deepEqual(
      lines.filter((line) => line.includes('"level":"error"')),
      [],
    );
  });
});
