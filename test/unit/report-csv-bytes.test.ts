import assert from "node:assert/strict";
import path from "node:path";
import { it } from "node:test";

import { generateTenant } from "../../src/dev/generate-tenant";
import { loadSnapshot } from "../../src/directory/snapshot";
import { snapshotFacts } from "../../src/directory/snapshot-facts";
import { assessTenant } from "../../src/domain/assess-tenant";
import type { Verdict } from "../../src/domain/verdict";
import { csvRows, csvRowsBytes } from "../../src/features/report/csv";
import { SHARED_EXAMPLES } from "../support/shared-examples";

const HOSTILE = [
  "",
  "a,b",
  'say "hi"',
  "line\nbreak",
  "cr\rhere",
  '",\n"',
  "=SUM(A1)",
  "Zoë 🙂 日本",
  "-1",
  "\t",
];

it("counts the CSV's UTF-8 bytes exactly as csv-stringify writes them, hostile cells included", () => {
  const contoso = [
    ...assessTenant(snapshotFacts(loadSnapshot(path.join(SHARED_EXAMPLES, "contoso-small.json")))),
  ];
  const generated = [...assessTenant(snapshotFacts(generateTenant({ users: 300, seed: 7 })))];
  const hostile: Verdict[] = HOSTILE.flatMap((text) =>
    contoso.slice(0, 3).map((verdict) => ({ ...verdict, displayName: text, userPrincipalName: `${text}@x` })),
  );
  for (const verdicts of [contoso, generated, hostile, []]) {
    assert.equal(csvRowsBytes(verdicts), Buffer.byteLength(csvRows(verdicts)));
  }
  for (const verdict of hostile) {
    assert.equal(csvRowsBytes([verdict]), Buffer.byteLength(csvRows([verdict])), verdict.displayName);
  }
});
