import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ROLE_TEMPLATE_IDS } from "../../src/domain/roles";
import { decide, WHO_MAY } from "../../src/domain/who-may";
import { roleNames } from "../../src/features/authz/refusal-card";

const ME = "u1";
const BEN = "u2";

describe("the permissions table (DOMAIN.md Who may do what)", () => {
  it("names the template ids of DOMAIN.md", () => {
    assert.equal(ROLE_TEMPLATE_IDS.authenticationPolicyAdministrator, "0526716b-113d-4c15-b2c8-68e3c22b9f80");
    assert.deepEqual(WHO_MAY.decidePostponement.roles, ["globalAdministrator"]);
    assert.ok(
      !WHO_MAY.readinessReport.roles.includes("authenticationAdministrator"),
      "an Authentication Administrator does not read the tenant-wide report",
    );
    assert.ok(!WHO_MAY.broadcast.roles.includes("helpdeskAdministrator"));
  });

  it("grants by a role held tenant-wide, refuses without, naming the roles that would do", () => {
    assert.deepEqual(decide("auditLog", { actorId: ME, actorRoles: ["securityReader"] }), {
      allowed: true,
      by: "securityReader",
    });
    const refused = decide("auditLog", { actorId: ME, actorRoles: ["helpdeskAdministrator"] });
    assert.deepEqual(refused, {
      allowed: false,
      reason: "noRole",
      rolesThatWouldDo: ["globalAdministrator", "globalReader", "securityAdministrator", "securityReader"],
    });
    assert.equal(
      roleNames(refused.allowed ? [] : refused.rolesThatWouldDo),
      "Global Administrator, Global Reader, Security Administrator or Security Reader",
    );
  });

  it("another user's status: Authentication and Helpdesk Administrators only for a user without a role", () => {
    const plain = { id: BEN, holdsAnyDirectoryRole: false };
    const admin = { id: BEN, holdsAnyDirectoryRole: true };
    assert.equal(
      decide("otherUserStatus", { actorId: ME, actorRoles: ["helpdeskAdministrator"], subject: plain })
        .allowed,
      true,
    );
    assert.deepEqual(
      decide("otherUserStatus", { actorId: ME, actorRoles: ["helpdeskAdministrator"], subject: admin }),
      {
        allowed: false,
        reason: "subjectHoldsRole",
        rolesThatWouldDo: WHO_MAY.otherUserStatus.roles,
      },
    );
    assert.equal(
      decide("otherUserStatus", { actorId: ME, actorRoles: ["globalReader"], subject: admin }).allowed,
      true,
    );
  });

  it("a Temporary Access Pass: never for oneself; only the privileged role for a user with a role", () => {
    const asAuthAdmin = { actorId: ME, actorRoles: ["authenticationAdministrator"] as const };
    assert.equal(
      decide("issueTemporaryAccessPass", {
        ...asAuthAdmin,
        subject: { id: BEN, holdsAnyDirectoryRole: false },
      }).allowed,
      true,
    );
    assert.equal(
      decide("issueTemporaryAccessPass", {
        ...asAuthAdmin,
        subject: { id: BEN, holdsAnyDirectoryRole: true },
      }).allowed,
      false,
    );
    const own = decide("issueTemporaryAccessPass", {
      actorId: ME,
      actorRoles: ["privilegedAuthenticationAdministrator"],
      subject: { id: ME.toUpperCase(), holdsAnyDirectoryRole: true },
    });
    assert.equal(own.allowed ? "" : own.reason, "oneself");
  });

  it("broadcast: the senders group counts only when the actor is in it", () => {
    assert.deepEqual(decide("broadcast", { actorId: ME, actorRoles: [], inMemberGroup: true }), {
      allowed: true,
      by: "memberGroup",
    });
    assert.equal(decide("broadcast", { actorId: ME, actorRoles: ["helpdeskAdministrator"] }).allowed, false);
  });
});
