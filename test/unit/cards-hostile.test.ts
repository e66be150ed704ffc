import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { buildErrorCard } from "../../src/cards/error-card";
import { buildHelpCard } from "../../src/cards/help-card";
import { renderView } from "../../src/cards/view";
import { buildWelcomeCard } from "../../src/cards/welcome-card";
import { refusalCard } from "../../src/features/authz/refusal-card";
import { buildMessageCard } from "../../src/features/broadcast/message-card";
import { approvalCard } from "../../src/features/registration/tap-view";
import { textsOf } from "../../src/features/registration/texts";
import { HOSTILE, liveMarkdown } from "../support/live-markdown";

/** Every builder a user's text reaches, fed hostile text (Markdown, ${…}, HTML): none of it live. */
describe("user text with Markdown, ${…} and HTML stays literal", () => {
  const cases: Array<[string, () => unknown]> = [
    [
      "help (the misunderstood message)",
      () => buildHelpCard({ misunderstood: HOSTILE, showAdminJobs: true }),
    ],
    [
      "welcome (the display name)",
      () => buildWelcomeCard({ userName: HOSTILE, now: new Date("2026-11-20T09:00:00Z") }),
    ],
    [
      "error",
      () => buildErrorCard({ title: HOSTILE, whatHappened: HOSTILE, whatToDo: HOSTILE, reference: HOSTILE }),
    ],
    [
      "refusal",
      () =>
        refusalCard({
          allowed: false,
          action: "auditLog",
          reason: "noRole",
          rolesThatWouldDo: ["globalReader"],
        }),
    ],
    [
      "tap-approval (requester, approver names)",
      () =>
        renderView(
          approvalCard(
            {
              id: "r1",
              tenantId: "t",
              requesterId: "u",
              requesterName: HOSTILE,
              status: "issued",
              needsPrivileged: false,
              createdAt: "2026-11-20T09:00:00Z",
              decidedByName: HOSTILE,
              decidedAt: "2026-11-20T09:05:00Z",
              note: HOSTILE,
            },
            { name: HOSTILE, upn: HOSTILE },
            { lifetimeMinutes: 60, usableOnce: true },
            textsOf(),
            HOSTILE,
          ),
        ),
    ],
    [
      "broadcast message (title, sender, personal line)",
      () => buildMessageCard({ title: HOSTILE, message: "Plain text", button: undefined }, HOSTILE, HOSTILE),
    ],
  ];
  for (const [name, build] of cases) {
    it(name, () => {
      const card = build();
      assert.deepEqual(liveMarkdown(card), [], JSON.stringify(card));
      if (name !== "refusal") {
        assert.ok(
          JSON.stringify(card).includes("Mallory ${verbs.showHelp}"),
          "a template expression in user text is shown, not evaluated",
        );
      }
    });
  }
});
