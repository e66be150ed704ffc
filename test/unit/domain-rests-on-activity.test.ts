import assert from "node:assert/strict";
import { it } from "node:test";

import fc from "fast-check";

import { collectEvidence, lookbackWindow, restsOnSignInActivity } from "../../src/domain/evidence";
import { APP, ARM_RESOURCE, NOW, signIn } from "../support/domain-facts";

const DAY = 86_400_000;
const window = lookbackWindow(NOW, 30);

/** Sign-ins that vary in everything rule 1 and rule 6 read: app or resource, outcome, time, kind, protocol, count. */
const signIns = fc.array(
  fc
    .record({
      appId: fc.constantFrom(APP.portal, APP.cli, APP.terraform, "00000000-0000-0000-0000-0000000000aa"),
      resourceId: fc.constantFrom(ARM_RESOURCE, "00000003-0000-0000-c000-000000000000", undefined),
      errorCode: fc.constantFrom(0, 50074, 50076, 50126),
      daysBack: fc.constantFrom(-1, 0, 5, 30, 31),
      isInteractive: fc.constantFrom(true, false, undefined),
      silentEventType: fc.boolean(),
      authenticationProtocol: fc.constantFrom("none", "ropc", "ROPC", undefined),
      signInCount: fc.constantFrom(undefined, 0, 1, 40),
    })
    .map((drawn) =>
      signIn({
        appId: drawn.appId,
        resourceId: drawn.resourceId,
        status: { errorCode: drawn.errorCode },
        createdDateTime: new Date(NOW.getTime() - drawn.daysBack * DAY).toISOString(),
        isInteractive: drawn.isInteractive,
        ...(drawn.silentEventType ? { signInEventTypes: ["nonInteractiveUser"] } : {}),
        authenticationProtocol: drawn.authenticationProtocol,
        ...(drawn.signInCount === undefined ? {} : { signInCount: drawn.signInCount }),
      }),
    ),
  { maxLength: 6 },
);

it("asks for signInActivity exactly when the evidence's counts say every counted sign-in was silent and none ROPC", () => {
  fc.assert(
    fc.property(signIns, (list) => {
      const evidence = collectEvidence(list, window);
      const fromEvidence = evidence.counted > 0 && evidence.interactive === 0 && !evidence.ropc;
      assert.equal(restsOnSignInActivity(list, window), fromEvidence);
    }),
    { numRuns: 2_000 },
  );
});
