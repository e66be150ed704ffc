import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";

const workspace = path.resolve(__dirname, "..", "..", "..", "shared", "examples");
const committed = path.resolve(__dirname, "..", "fixtures", "shared-examples");

it("the committed copy of the shared examples matches the workspace's, when the workspace is there", (t) => {
  if (!existsSync(workspace)) {
    t.skip("no ../shared/examples beside this checkout: the committed copy is used as is");
    return;
  }
  for (const name of ["contoso-small.json", "contoso-small.expected.json"]) {
    assert.deepEqual(
      JSON.parse(readFileSync(path.join(committed, name), "utf8")),
      JSON.parse(readFileSync(path.join(workspace, name), "utf8")),
      `${name}: copy ../shared/examples/${name} into test/fixtures/shared-examples/`,
    );
  }
});
