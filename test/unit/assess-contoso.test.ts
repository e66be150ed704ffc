import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";

import { loadSnapshot } from "../../src/directory/snapshot";
import { snapshotFacts } from "../../src/directory/snapshot-facts";
import { assessTenant } from "../../src/domain/assess-tenant";
import { SHARED_EXAMPLES } from "../support/shared-examples";

const examples = SHARED_EXAMPLES;

it("assesses shared/examples/contoso-small.json exactly as contoso-small.expected.json says", () => {
  const expected = JSON.parse(
    readFileSync(path.join(examples, "contoso-small.expected.json"), "utf8"),
  ) as Array<Record<string, unknown>>;
  const verdicts = [...assessTenant(snapshotFacts(loadSnapshot(path.join(examples, "contoso-small.json"))))];
  const compared = verdicts.map((verdict) =>
    Object.fromEntries(Object.keys(expected[0]!).map((key) => [key, verdict[key as keyof typeof verdict]])),
  );
  assert.deepEqual(compared, expected);
});
