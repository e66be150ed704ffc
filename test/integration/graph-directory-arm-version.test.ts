import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { generateTenant } from "../../src/dev/generate-tenant";
import { type Harness, startHarness } from "../support/graph-directory-harness";

describe("GraphDirectory: Microsoft.PortalServices/settings on the stable api-version", () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness(generateTenant({ users: 30, seed: 9 }));
  });
  after(() => harness.close());

  const armRequests = () => harness.simulator.stats.byPath["GET ARM portal settings"] ?? 0;

  it("reads with api-version 2025-11-01 and nothing else when ARM accepts it", async () => {
    const before = armRequests();
    const settings = await harness.directory.getPortalSettings();
    assert.ok(settings.properties.multiFactorAuthentication !== undefined);
    assert.equal(armRequests() - before, 1);
  });

  it("falls back to 2025-04-01-preview only when the stable version is refused", async () => {
    harness.simulator.admin.injectFault({
      pathPrefix: "/providers/Microsoft.PortalServices",
      count: 1,
      status: 400,
    });
    const before = armRequests();
    const settings = await harness.directory.getPortalSettings();
    assert.ok(settings.properties.multiFactorAuthentication !== undefined);
    assert.equal(armRequests() - before, 2, "the refused stable read, then the preview");
  });

  it("does not fall back on a failure that is not a refusal of the version", async () => {
    harness.simulator.admin.injectFault({
      pathPrefix: "/providers/Microsoft.PortalServices",
      count: 3,
      status: 403,
    });
    await assert.rejects(harness.directory.getPortalSettings(), { name: "DirectoryError" });
  });
});
