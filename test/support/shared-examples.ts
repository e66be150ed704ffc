import { existsSync } from "node:fs";
import path from "node:path";

const workspaceCopy = path.resolve(__dirname, "..", "..", "..", "shared", "examples");
const committedCopy = path.resolve(__dirname, "..", "fixtures", "shared-examples");

/**
 * The folder of the workspace's shared examples (../shared/examples beside the checkout) when it is
 * there, else the copy committed under test/fixtures/shared-examples, so a bare clone tests too.
 */
export const SHARED_EXAMPLES = existsSync(path.join(workspaceCopy, "contoso-small.json"))
  ? workspaceCopy
  : committedCopy;

export const CONTOSO_SMALL = path.join(SHARED_EXAMPLES, "contoso-small.json");
