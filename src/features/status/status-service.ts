import { type View, view } from "../../cards/view";
import type { Directory } from "../../directory/directory";
import { DirectoryError } from "../../directory/errors";
import { assess, type PreparedTenant } from "../../domain/assess";
import type { UserFacts } from "../../domain/facts";
import type { Locale } from "../../domain/language";
import type { Verdict } from "../../domain/verdict";
import type { Logger } from "../../logger";
import { keepLiveMethods, type LiveMethodsWriter } from "../report/live-methods-store";
import type { AssessmentScope } from "./assessment-scope";
import { DeadlineExceededError, withDeadline } from "./deadline";
import { StatusCache } from "./status-cache";
import { problemFromError } from "./status-errors";
import { buildProblemView, type ProblemCardData, type StatusProblem } from "./status-problem";
import { buildStatusView, type StatusCardData } from "./status-view";
import { TenantFactsCache } from "./tenant-facts-cache";

/** Who asks: the activity's tenant and `from.aadObjectId`, and the language the card is written in. */
export interface StatusRequester {
  tenantId: string | undefined;
  userId: string | undefined;
  /** The reader's locale (the asker's, also when an admin looks someone else up); English when absent. */
  locale?: Locale;
}

/** The status card (with the verdict behind it), or the card that says why there is none. */
export type StatusView =
  | (View<"status", StatusCardData> & { verdict: Verdict; fromCache: boolean })
  | (View<"status-problem", ProblemCardData> & { problem: StatusProblem });

/** A requester from a tenant other than the scope's `tenantId` gets the "not found" card. */
export interface StatusServiceOptions extends AssessmentScope {
  directory: Pick<Directory, "getUserFacts" | "getMethodsPolicy">;
  logger: Logger;
  /** Wall clock for the cache and the "checked at" line. */
  clock?: () => Date;
  /** Per-user cache lifetime (Refresh bypasses it). */
  cacheTtlMs?: number;
  /** Tenant-wide method policy lifetime: a status check then costs one round trip, the user's $batch. */
  policyTtlMs?: number;
  /** Answer "busy" rather than let the Teams invoke time out (~10 s end to end). */
  deadlineMs?: number;
  /** Where each live read of a user's typed methods is kept, so the report and audiences agree with the card. */
  liveMethods?: LiveMethodsWriter;
}

interface Checked {
  verdict: Verdict;
  checkedAt: Date;
  /** The typed methods read live; undefined when they could not be read. */
  methods?: UserFacts["methods"];
}

export class StatusService {
  private readonly cache: StatusCache<Checked>;
  private readonly tenant: TenantFactsCache;
  private readonly inFlight = new Map<string, { work: Promise<Checked>; cancel: AbortController }>();
  private readonly clock: () => Date;
  private readonly windowEnd: () => Date;
  private readonly deadlineMs: number;

  constructor(private readonly options: StatusServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.windowEnd = options.windowEnd ?? this.clock;
    this.deadlineMs = options.deadlineMs ?? 8_000;
    this.cache = new StatusCache({ ttlMs: options.cacheTtlMs ?? 60_000, clock: this.clock });
    this.tenant = new TenantFactsCache({
      directory: options.directory,
      settings: options.settings,
      ttlMs: options.policyTtlMs ?? 300_000,
      clock: this.clock,
    });
  }

  /** The status card (or the card that says why there is none) for one user. Never throws. */
  async check(who: StatusRequester, options: { fresh?: boolean } = {}): Promise<StatusView> {
    const started = Date.now();
    const log = this.options.logger.child({ userId: who.userId, tenantId: who.tenantId });
    const expected = this.options.tenantId?.toLowerCase();
    if (!who.userId || !who.tenantId || (expected !== undefined && who.tenantId.toLowerCase() !== expected)) {
      log.info({ event: "status.notInTenant" }, "status check for a user outside the tenant");
      return this.problem({ kind: "notInTenant" }, who.locale);
    }
    const key = `${who.tenantId.toLowerCase()}:${who.userId.toLowerCase()}`;
    const cached = options.fresh ? undefined : this.cache.get(key);
    if (cached !== undefined) {
      log.debug({ event: "status.cached" }, "status answered from the cache");
      return this.view(cached.value, true, who.locale);
    }
    try {
      const checked = await withDeadline(this.read(key, who.tenantId, who.userId), this.deadlineMs).catch(
        (error: unknown) => {
          // Past the deadline the read is cancelled (its Graph requests and throttle waits end), so a burst
          // of checks that cannot all be answered in time does not keep the limiter busy for the next person.
          if (error instanceof DeadlineExceededError) {
            this.inFlight
              .get(key)
              ?.cancel.abort(
                new DirectoryError("timeout", `No answer within the status check's ${this.deadlineMs} ms.`),
              );
          }
          throw error;
        },
      );
      const { phase1, phase2, mfaReady } = checked.verdict;
      log.info(
        {
          event: "status.checked",
          fresh: options.fresh === true,
          ms: Date.now() - started,
          phase1,
          phase2,
          mfaReady,
        },
        "status checked",
      );
      return this.view(checked, false, who.locale);
    } catch (error) {
      const problem = problemFromError(error);
      const { name, message } = error instanceof Error ? error : { name: "NonError", message: String(error) };
      log.warn(
        {
          event: "status.failed",
          problem: problem.kind,
          reference: problem.reference,
          err: { name, message },
          ms: Date.now() - started,
        },
        "status check failed",
      );
      return this.problem(problem, who.locale);
    }
  }

  /** Forgets one user's answer (e.g. after a walkthrough registered a method). */
  forget(who: { tenantId: string; userId: string }): void {
    this.cache.delete(`${who.tenantId.toLowerCase()}:${who.userId.toLowerCase()}`);
  }

  /** One read per user at a time, cancelled at the deadline. */
  private read(key: string, tenantId: string, userId: string): Promise<Checked> {
    const running = this.inFlight.get(key);
    if (running !== undefined) {
      return running.work;
    }
    const cancel = new AbortController();
    const work = this.assessNow(userId, cancel.signal).then(async (checked) => {
      // A cancelled read may still resolve (its sign-ins then a data gap): that is no answer to keep.
      if (cancel.signal.aborted) {
        throw cancel.signal.reason;
      }
      this.cache.set(key, checked);
      await this.keepLive(tenantId, checked);
      return checked;
    });
    this.inFlight.set(key, { work, cancel });
    const done = () => this.inFlight.delete(key);
    work.then(done, done);
    return work;
  }

  private async assessNow(userId: string, signal: AbortSignal): Promise<Checked> {
    const end = this.windowEnd();
    const start = new Date(end.getTime() - this.options.lookbackDays * 86_400_000);
    const [facts, tenant]: [Awaited<ReturnType<Directory["getUserFacts"]>>, PreparedTenant] =
      await Promise.all([
        this.options.directory.getUserFacts(userId, { start, end }, { signal }),
        this.tenant.get(),
      ]);
    return {
      verdict: assess(facts, tenant, end, { lookbackDays: this.options.lookbackDays }),
      checkedAt: this.clock(),
      methods: facts.methods,
    };
  }

  /** Keeps the typed methods just read, when they could be read. */
  private async keepLive(tenantId: string, checked: Checked): Promise<void> {
    if (checked.methods === undefined) {
      return;
    }
    await keepLiveMethods(
      this.options.liveMethods,
      {
        tenantId,
        userId: checked.verdict.userId,
        readAt: checked.checkedAt.toISOString(),
        source: "status",
        methods: checked.methods,
        verdict: checked.verdict,
      },
      this.options.logger,
    );
  }

  private view(checked: Checked, fromCache: boolean, locale: Locale | undefined): StatusView {
    const data = buildStatusView(checked.verdict, {
      lookbackDays: this.options.lookbackDays,
      checkedAt: checked.checkedAt,
      fromCache,
      locale,
    });
    return { ...view("status", data), verdict: checked.verdict, fromCache };
  }

  private problem(problem: StatusProblem, locale: Locale | undefined): StatusView {
    return { ...view("status-problem", buildProblemView(problem, locale)), problem };
  }
}
