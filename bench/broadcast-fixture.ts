import { createBroadcastConnector } from "../src/bot/broadcast-connector";
import type { Directory } from "../src/directory/directory";
import type { GraphUser } from "../src/directory/graph-types";
import type { Verdict } from "../src/domain/verdict";
import type { VerdictSource } from "../src/features/broadcast/audience";
import type { BroadcastJobStore } from "../src/features/broadcast/broadcast-job-store";
import { createBroadcastEngine } from "../src/features/broadcast/create-engine";
import type { JobRunner } from "../src/features/broadcast/job-runner";
import { createLogger } from "../src/logger";
import type { EmbeddedStores } from "../src/storage";
import { SqliteBroadcastJobStore } from "../src/storage/broadcast-jobs";
import { SqliteBroadcastLedger } from "../src/storage/broadcast-ledger";

export const BENCH_TENANT = "b3e0c4a5-0000-4000-8000-00000000be0c";

/** The recipients: the stored-chat case's own ids, or a simulated tenant's members (first-contact cases). */
let ids: readonly string[] | undefined;
export function useBenchUsers(userIds: readonly string[]): void {
  ids = userIds;
}
const userId = (i: number) => ids?.[i - 1] ?? `c0000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
export const conversationOf = (i: number) => `a:bench-${i}`;
/** The chat the Teams-limits stub opens for a user (its default `chatOf`). */
export const openedChatOf = (userId: string) => `a:chat-${userId}`;

/** A verdict as a scan would give it: affected by phase 2, not ready. Generated on demand, never held. */
function verdict(i: number): Verdict {
  return {
    userId: userId(i),
    userPrincipalName: `user${i}@bench.example`,
    displayName: `User ${i}`,
    userType: "Member",
    isAdmin: false,
    roles: [],
    phase1: "no",
    phase2: "affected",
    mfaReady: false,
    breakGlass: false,
    serviceAccountSuspect: false,
    methods: { strongIndependent: [], mfaService: [], external: [], notMfa: [], unknown: [], notCounted: [] },
    actions: ["REGISTER_PASSKEY"],
    suggestions: [],
    evidence: {
      phase1: [],
      phase2: [
        {
          appId: "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
          app: "Azure CLI",
          lastSignIn: "2026-11-01T00:00:00Z",
          count: 3,
          silent: 0,
        },
      ],
    },
    dataGaps: [],
  };
}

export function benchVerdicts(users: number): VerdictSource {
  return {
    async latest() {
      return {
        scanId: "bench",
        async *verdicts() {
          for (let i = 1; i <= users; i++) {
            yield verdict(i);
          }
        },
      };
    },
  };
}

/** Users that exist and are enabled; installs go to `install` (the Graph adapter over the simulator). */
export function benchDirectory(
  users: number,
  install?: Pick<Directory, "installApp">,
): Pick<Directory, "getUser" | "listGroupMembers" | "listUsers" | "installApp"> {
  return {
    async *listUsers(): AsyncIterable<GraphUser> {
      for (let i = 1; i <= users; i++) {
        yield { id: userId(i), userPrincipalName: `user${i}@bench.example`, accountEnabled: true };
      }
    },
    async getUser() {
      return undefined;
    },
    async *listGroupMembers() {},
    async installApp(id, teamsAppId) {
      if (!install) {
        throw new Error("this benchmark case needs no installs");
      }
      return install.installApp(id, teamsAppId);
    },
  };
}

/** Stores a chat for every user, in one transaction. */
export function seedConversations(stores: EmbeddedStores, users: number, serviceUrl: string): void {
  const insert = stores.database.prepare(
    `INSERT OR REPLACE INTO conversation_references (tenant_id, user_id, conversation_id, service_url, reference, updated_at)
     VALUES (?, ?, ?, ?, '{}', '2026-11-20T00:00:00Z')`,
  );
  stores.database.transaction(() => {
    for (let i = 1; i <= users; i++) {
      insert.run(BENCH_TENANT, userId(i), conversationOf(i), serviceUrl);
    }
  })();
}

export function benchEngine(
  stores: EmbeddedStores,
  options: {
    users: number;
    serviceUrl: string;
    rps: number;
    owner?: string;
    install?: Pick<Directory, "installApp">;
    teamsAppId?: string;
  },
): {
  runner: JobRunner;
  jobs: SqliteBroadcastJobStore;
  ledger: SqliteBroadcastLedger;
} {
  const jobs = new SqliteBroadcastJobStore(stores.database);
  const ledger = new SqliteBroadcastLedger(stores.database);
  const runner = createBroadcastEngine({
    jobs,
    ledger,
    conversationReferences: stores.conversationReferences,
    directory: benchDirectory(options.users, options.install),
    teamsAppId: options.teamsAppId,
    serviceUrl: options.serviceUrl,
    verdicts: benchVerdicts(options.users),
    transport: createBroadcastConnector({ bot: { appType: "SingleTenant" } }),
    tenantRps: options.rps,
    logger: createLogger({ level: "warn", destination: process.stderr }),
    owner: options.owner,
    leaseMs: 5_000,
  });
  return { runner, jobs, ledger };
}

export function newBenchJob(jobs: Pick<BroadcastJobStore, "createJob">, id: string) {
  return jobs.createJob({
    id,
    tenantId: BENCH_TENANT,
    content: {
      title: "Set up MFA before Azure CLI stops working",
      message: "Microsoft now **requires MFA** for Azure CLI.",
      audience: { kind: "affected-not-ready" },
      button: { kind: "walkthrough", code: "REGISTER_PASSKEY" },
    },
    authorId: "bench",
    authorName: "Benchmark",
    origin: "cli",
    createdAt: new Date().toISOString(),
  });
}
