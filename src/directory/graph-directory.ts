import { AZURE_SERVICE_MANAGEMENT_RESOURCE_ID, PHASE1_APP_IDS, PHASE2_APP_IDS } from "../domain/apps";
import type { UserFacts } from "../domain/facts";
import { NON_INTERACTIVE_SIGN_INS } from "../domain/facts";
import type { Clock, LimiterRegistry, RetryOptions } from "../throttle";
import { installApp, installAppForUser } from "./app-installation";
import { eitherSignal } from "./closed";
import type {
  Directory,
  Readable,
  SignInRead,
  TemporaryAccessPassRequest,
  TimeWindow,
  WorkloadIdentityRef,
} from "./directory";
import { DirectoryError } from "./errors";
import { gapOf } from "./gaps";
import type { GraphHttp } from "./graph-http";
import type {
  AuthenticationMethod,
  AuthenticationMethodsPolicy,
  GraphUser,
  PortalServicesSettings,
  SignIn,
  SignInActivity,
  SummarizedSignIn,
  TemporaryAccessPass,
  UnifiedRoleAssignment,
  UserRegistrationDetails,
} from "./graph-types";
import { graphUrls } from "./graph-urls";
import { type MethodsRead, readMethodsInBatches } from "./methods-in-batches";
import { readAccountSignInsSince, readWorkloadSignInsToArm } from "./migration-sign-ins";
import { collect, type Page, pagedItems } from "./paging";
import { portalSettings } from "./portal-settings";
import { readUserFacts } from "./user-facts";

/** Graph takes at most 15 values in an `in` filter. */
const SIGN_IN_ACTIVITY_IDS = 15;

export interface GraphDirectoryOptions {
  graph: GraphHttp;
  /** Azure Resource Manager, with its own token audience. */
  arm: GraphHttp;
  graphBaseUrl: string;
  armBaseUrl: string;
  limiters: LimiterRegistry;
  tenant: string;
  retry: RetryOptions;
  clock: Clock;
  /** How long the methods policy is reused. Default 60 s. */
  policyTtlMs?: number;
  /** Aborted on close: a $batch's waits end at once. */
  signal?: AbortSignal;
}

/** The in-scope apps and resource, from the domain table: every sign-in query asks for all of them. */
const IN_SCOPE = {
  appIds: [...PHASE1_APP_IDS, ...PHASE2_APP_IDS],
  resourceIds: [AZURE_SERVICE_MANAGEMENT_RESOURCE_ID],
};

/**
 * The users and the registration report are read side by side and each of their rows is joined, assessed
 * and stored: the slow part of a scan. Their pages are asked for as soon as each nextLink is known, ahead
 * of that work, not at its pace: the report's pages are limited per 10 s window, counted from when each
 * went, and pages that went out spread over a window would free the next window's slots just as spread.
 * The report goes 24 pages ahead (about 20 MB); the users, not limited so, need only keep up with it.
 * The sign-ins need none: their consumer (the sign-in index) does little with each.
 */
const REPORT_STREAM = { readAhead: 24 };
const USERS_STREAM = { readAhead: 8 };

/** The Directory port over Microsoft Graph (and ARM), for a real tenant and the Graph simulator alike. */
export class GraphDirectory implements Directory {
  private policy: { value: AuthenticationMethodsPolicy; at: number } | undefined;

  constructor(private readonly options: GraphDirectoryOptions) {}

  private get http(): GraphHttp {
    return this.options.graph;
  }

  listUsers(): AsyncIterable<GraphUser> {
    return pagedItems<GraphUser>(this.http, graphUrls.users(), undefined, USERS_STREAM);
  }

  /** GET /users/$count (advanced query: ConsistencyLevel eventual); undefined when Graph will not say. */
  async countUsers(): Promise<number | undefined> {
    const answer = await this.http.send<unknown>("GET", graphUrls.userCount(), undefined, {
      ConsistencyLevel: "eventual",
    });
    const count = typeof answer.body === "number" ? answer.body : Number(answer.text ?? Number.NaN);
    return answer.status === 200 && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
  }

  async findUsers(name: string, top: number): Promise<{ users: GraphUser[]; total?: number }> {
    const url = graphUrls.userSearch(name, top);
    const answer = await this.http.send<{ value?: GraphUser[]; "@odata.count"?: number }>(
      "GET",
      url,
      undefined,
      {
        ConsistencyLevel: "eventual",
      },
    );
    if (answer.status >= 300) {
      throw this.http.errorOf(answer, url);
    }
    const total = answer.body?.["@odata.count"];
    return { users: answer.body?.value ?? [], ...(typeof total === "number" ? { total } : {}) };
  }

  async getUser(idOrUpn: string): Promise<GraphUser | undefined> {
    const answer = await this.http.send<GraphUser>("GET", graphUrls.user(idOrUpn));
    if (answer.status === 404) {
      return undefined;
    }
    if (answer.status >= 300) {
      throw this.http.errorOf(answer, graphUrls.user(idOrUpn));
    }
    return answer.body;
  }

  listRegistrationDetails(): Promise<Readable<UserRegistrationDetails>> {
    return this.readable<UserRegistrationDetails>(
      graphUrls.registrationDetails(),
      "registrationDetails",
      REPORT_STREAM,
    );
  }

  listSignIns(
    window: TimeWindow,
    scope: { appIds: string[]; resourceIds: string[] },
  ): Promise<Readable<SignIn>> {
    return this.readable<SignIn>(graphUrls.signIns(window, scope), "signIns");
  }

  readMethodsOf(userIds: readonly string[], onProgress?: (done: number) => void): Promise<MethodsRead> {
    const { limiters, tenant, retry, clock, signal } = this.options;
    return readMethodsInBatches(this.http, userIds, { limiters, tenant, retry, clock, signal }, onProgress);
  }

  /** Beta: any error is a gap (the scan carries on with v1.0's interactive sign-ins). */
  async listNonInteractiveSummary(scope: {
    appIds: string[];
    resourceIds: string[];
  }): Promise<Readable<SummarizedSignIn>> {
    const url = this.http.beta(graphUrls.nonInteractiveSummary(scope));
    try {
      return await this.readable<SummarizedSignIn>(url, NON_INTERACTIVE_SIGN_INS, { anyError: true });
    } catch (error) {
      if (error instanceof DirectoryError) {
        return { available: false, gap: gapOf(NON_INTERACTIVE_SIGN_INS, error) };
      }
      throw error;
    }
  }

  /** Up to SIGN_IN_ACTIVITY_IDS ids a request ($filter=id in (...)); the client paces them at 10 a minute. */
  async getSignInActivity(userIds: readonly string[]): Promise<Map<string, SignInActivity>> {
    const found = new Map<string, SignInActivity>();
    for (let at = 0; at < userIds.length; at += SIGN_IN_ACTIVITY_IDS) {
      const url = graphUrls.signInActivity(userIds.slice(at, at + SIGN_IN_ACTIVITY_IDS));
      for await (const user of pagedItems<GraphUser>(this.http, url)) {
        if (user.signInActivity) {
          found.set(user.id.toLowerCase(), user.signInActivity);
        }
      }
    }
    return found;
  }

  readAccountSignInsSince(userId: string, since: Date): Promise<SignInRead> {
    return readAccountSignInsSince(this.http, userId, since, IN_SCOPE);
  }

  readWorkloadSignInsToArm(identity: WorkloadIdentityRef, since: Date): Promise<SignInRead> {
    return readWorkloadSignInsToArm(this.http, identity, since);
  }

  listRoleAssignments(principalId?: string): AsyncIterable<UnifiedRoleAssignment> {
    return pagedItems<UnifiedRoleAssignment>(this.http, graphUrls.roleAssignments(principalId));
  }

  async *listGroupMembers(groupId: string): AsyncIterable<string> {
    for await (const member of pagedItems<{ id: string }>(this.http, graphUrls.groupMembers(groupId))) {
      yield member.id;
    }
  }

  listMethods(userId: string): Promise<AuthenticationMethod[]> {
    return collect(pagedItems<AuthenticationMethod>(this.http, graphUrls.methods(userId)));
  }

  async getMethodsPolicy(): Promise<AuthenticationMethodsPolicy> {
    const now = this.options.clock.now();
    if (this.policy === undefined || now - this.policy.at > (this.options.policyTtlMs ?? 60_000)) {
      this.policy = {
        value: await this.http.json<AuthenticationMethodsPolicy>("GET", graphUrls.methodsPolicy()),
        at: now,
      };
    }
    return this.policy.value;
  }

  getUserFacts(
    userId: string,
    window: TimeWindow,
    options: { signal?: AbortSignal } = {},
  ): Promise<UserFacts> {
    const { limiters, tenant, retry, clock } = this.options;
    const signal = eitherSignal(this.options.signal, options.signal);
    return readUserFacts(this.http.withSignal(options.signal), userId, window, IN_SCOPE, {
      limiters,
      tenant,
      retry,
      clock,
      signal,
    });
  }

  createTemporaryAccessPass(
    userId: string,
    request: TemporaryAccessPassRequest,
  ): Promise<TemporaryAccessPass> {
    return this.http.json<TemporaryAccessPass>("POST", graphUrls.temporaryAccessPass(userId), request);
  }

  installAppForUser(
    userId: string,
    teamsAppId: string,
  ): Promise<{ chatId: string; newlyInstalled: boolean }> {
    return installAppForUser(this.http, this.options.graphBaseUrl, userId, teamsAppId);
  }

  installApp(userId: string, teamsAppId: string): Promise<{ newlyInstalled: boolean }> {
    return installApp(this.http, this.options.graphBaseUrl, userId, teamsAppId);
  }

  getPortalSettings(): Promise<PortalServicesSettings> {
    return portalSettings(this.options.arm, this.options.armBaseUrl, "GET");
  }

  putPortalSettings(settings: PortalServicesSettings): Promise<PortalServicesSettings> {
    return portalSettings(this.options.arm, this.options.armBaseUrl, "PUT", settings);
  }

  /** A cheap read for /healthz: is Graph answering us, and how. */
  async checkHealth(): Promise<{ reachable: boolean; detail?: string }> {
    try {
      const answer = await this.http.send("GET", graphUrls.health());
      if (answer.status >= 200 && answer.status < 300) {
        return { reachable: true };
      }
      return { reachable: true, detail: this.http.errorOf(answer, graphUrls.health()).message };
    } catch (error) {
      if (error instanceof DirectoryError) {
        return { reachable: false, detail: error.message };
      }
      throw error;
    }
  }

  /**
   * A reports-family collection: the first page is read now, so a tenant without Entra ID P1 or a missing
   * permission shows as a gap before anyone starts streaming; the rest streams page by page.
   */
  private async readable<T>(
    url: string,
    data: string,
    options: { anyError?: boolean; readAhead?: number } = {},
  ): Promise<Readable<T>> {
    const answer = await this.http.send<Page<T>>("GET", url);
    if (answer.status >= 200 && answer.status < 300 && answer.body !== undefined) {
      return {
        available: true,
        items: pagedItems(this.http, undefined, answer.body, { readAhead: options.readAhead }),
      };
    }
    const error = this.http.errorOf(answer, url);
    if (options.anyError === true || error.reason === "noPremium" || error.reason === "forbidden") {
      return { available: false, gap: gapOf(data, error) };
    }
    throw error;
  }
}
