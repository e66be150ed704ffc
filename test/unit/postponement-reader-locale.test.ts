import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { StoredConversationReference } from "../../src/domain/conversation-reference";
import { readerLocale } from "../../src/features/postponement/reader-locale";

const TENANT = "t1";
const silent = { warn() {}, info() {}, debug() {}, error() {}, child: () => silent };

function deps(options: { referenceLocale?: string; preferredLanguage?: string; defaultLocale?: string }) {
  const reads: string[] = [];
  return {
    reads,
    deps: {
      conversationReferences: {
        get: async (): Promise<StoredConversationReference | undefined> =>
          options.referenceLocale === undefined
            ? undefined
            : {
                tenantId: TENANT,
                userId: "u1",
                conversationId: "c1",
                serviceUrl: "https://smba.example",
                reference: { locale: options.referenceLocale },
                updatedAt: "2026-11-28T10:00:00Z",
              },
      },
      directory: {
        getUser: async (id: string) => {
          reads.push(id);
          return { id, userPrincipalName: `${id}@contoso.com`, preferredLanguage: options.preferredLanguage };
        },
      },
      locale: { defaultLocale: options.defaultLocale, timeZone: "Europe/Paris" },
      logger: silent,
    } as unknown as Parameters<typeof readerLocale>[0],
  };
}

describe("the language of a reader written to unasked", () => {
  it("the locale kept with their chat first, without asking Graph", async () => {
    const { deps: d, reads } = deps({ referenceLocale: "fr-CA", preferredLanguage: "de-DE" });
    assert.deepEqual(await readerLocale(d, TENANT, "u1"), {
      language: "fr",
      tag: "fr-CA",
      timeZone: "Europe/Paris",
    });
    assert.deepEqual(reads, []);
  });
  it("else Graph's preferredLanguage, else the tenant's DEFAULT_LOCALE, else English", async () => {
    assert.equal((await readerLocale(deps({ preferredLanguage: "ja-JP" }).deps, TENANT, "u1")).tag, "ja-JP");
    assert.equal((await readerLocale(deps({ defaultLocale: "es-MX" }).deps, TENANT, "u1")).language, "es");
    assert.equal((await readerLocale(deps({}).deps, TENANT, "u1")).language, "en");
  });
  it("a preferredLanguage the caller already read is used as it is", async () => {
    const { deps: d, reads } = deps({});
    assert.equal((await readerLocale(d, TENANT, "u1", "de-AT")).tag, "de-AT");
    assert.deepEqual(reads, []);
  });
});
