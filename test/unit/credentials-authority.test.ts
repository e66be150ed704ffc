import assert from "node:assert/strict";
import { it } from "node:test";

import { authorityOptions } from "../../src/directory/credentials";

it("turns MSAL's instance discovery off for a configured authority that is not the public cloud's", () => {
  assert.deepEqual(authorityOptions("https://login.microsoftonline.com"), {
    authorityHost: "https://login.microsoftonline.com",
  });
  assert.deepEqual(authorityOptions("https://login.microsoftonline.us"), {
    authorityHost: "https://login.microsoftonline.us",
    disableInstanceDiscovery: true,
  });
  assert.equal(authorityOptions("https://127.0.0.1:8443/").disableInstanceDiscovery, true);
});
