import { view } from "../../cards/view";
import type { Actor } from "../../domain/actor";
import { ENGLISH, type Language, type Locale } from "../../domain/language";
import type { ScanRecord } from "../../domain/report-types";
import type { Authorizer } from "../authz/authorize";
import { refusalData } from "../authz/refusal-card";
import type { SentCard } from "../messaging/messenger";
import { csvBytesIn, csvCommand, type CsvOffer, csvOffer } from "./csv-offer";
import { csvPieces, uploadCsv } from "./csv-upload";
import type { DailyReport } from "./daily-report";
import { buildFindingView, isFindingKey } from "./finding-view";
import { ReportError } from "./report-errors";
import { reportNotices } from "./report-notices";
import { type ReportTexts, reportTexts } from "./report-texts";
import { type ReportView, reportViews } from "./report-views";
import type { ScanService } from "./scan-service";
import type { ScanWatchers } from "./scan-watchers";

/** Where the first view of a scan goes (a message sent now, or the clicked card); where it lives, to update later. */
export type CardPlace = (shown: ReportView) => Promise<SentCard | undefined>;

/** Where the asker is: the report and its CSV are for the personal chat only. */
export interface ChatPlace {
  personal: boolean;
  /** A link to the personal chat with the bot, for the "continue there" card. */
  chatUrl: string;
  /** Whether the client can answer Teams' file consent card (the Agents Playground cannot). */
  fileConsent: boolean;
}

export interface ReportServiceOptions {
  scans: ScanService;
  watchers: ScanWatchers;
  daily: DailyReport;
  authz: Authorizer;
  now: () => Date;
  /** For the CSV upload (tests hand in their own). */
  fetch?: typeof fetch;
}

const SCAN_ID = /^[0-9a-f-]{36}$/i;

const textsOf = (actor: Actor): ReportTexts => reportTexts(actor.locale ?? ENGLISH);

/**
 * The readiness report as one service, like BroadcastService: every step authorised by the permissions
 * table (roles read in Graph, audited), then scans started or joined, findings, the CSV and the daily
 * report. It answers views in the actor's language; the bot renders and places them.
 */
export class ReportService {
  constructor(private readonly options: ReportServiceOptions) {}

  /** Undefined when the table allows the step, else the refusal (authorize has audited either way). */
  private async refusal(actor: Actor, step: string): Promise<ReportView | undefined> {
    const decision = await this.options.authz.authorize(actor, "readinessReport", { step });
    return decision.allowed ? undefined : view("error", refusalData(decision));
  }

  private personalOnly(actor: Actor, what: "report" | "csv", chat: ChatPlace): ReportView {
    return reportViews.notice(reportNotices(textsOf(actor)).personalOnly(what, chat.chatUrl));
  }

  private async reportView(scan: ScanRecord, actor: Actor, csvHere?: boolean): Promise<ReportView> {
    const texts = textsOf(actor);
    return reportViews.report(
      scan,
      {
        now: this.options.now(),
        subscribed: await this.options.daily.isSubscribed(actor.tenantId, actor.userId),
        ...(csvHere === false ? { csvCommand: csvCommand(texts.locale.language) } : {}),
      },
      texts,
    );
  }

  /** Starts or joins a scan, or answers from the last hour's; `place` puts the first view where it belongs. */
  private async startReport(actor: Actor, fresh: boolean, place: CardPlace): Promise<void> {
    const texts = textsOf(actor);
    let started;
    try {
      started = await this.options.scans.start(actor.tenantId, { fresh, requestedBy: actor.userId });
    } catch (error) {
      if (error instanceof ReportError && error.reason === "notInTenant") {
        await place(reportViews.notice(reportNotices(texts).notInTenant()));
        return;
      }
      throw error;
    }
    if (started.kind === "cached") {
      await place(await this.reportView(started.scan, actor));
      return;
    }
    const { scan, joined } = started;
    const sent = await place(
      reportViews.progress(scan.id, scan.progress, { now: this.options.now(), joined }, texts),
    );
    if (sent !== undefined) {
      this.options.watchers.watch(scan, { sent, userId: actor.userId, joined, locale: texts.locale });
    }
  }

  private async completedScan(actor: Actor, scanId: unknown): Promise<ScanRecord | undefined> {
    if (typeof scanId !== "string" || !SCAN_ID.test(scanId)) {
      return undefined;
    }
    const scan = await this.options.scans.get(scanId);
    // Card data is untrusted: the scan must be of the asker's own tenant.
    return scan?.status === "completed" && scan.tenantId === actor.tenantId ? scan : undefined;
  }

  /** The daily report on or off for the actor. */
  async subscribe(actor: Actor, on: boolean): Promise<ReportView> {
    const refused = await this.refusal(actor, on ? "subscribe" : "unsubscribe");
    if (refused) {
      return refused;
    }
    const notices = reportNotices(textsOf(actor));
    const { daily } = this.options;
    if (!on) {
      await daily.unsubscribe(actor.tenantId, actor.userId);
      return reportViews.notice(notices.unsubscribed());
    }
    if (!daily.enabled) {
      return reportViews.notice(notices.dailyOff());
    }
    await daily.subscribe(actor.tenantId, actor.userId, actor.name);
    return reportViews.notice(notices.subscribed(daily.dailyAt!, this.options.now()));
  }

  /** "readiness report" typed, with the recogniser's option; views go to `place`, a CSV offer is returned. */
  async ask(
    actor: Actor,
    option: "csv" | "fresh" | "subscribe" | "unsubscribe" | undefined,
    chat: ChatPlace,
    place: CardPlace,
  ): Promise<CsvOffer | undefined> {
    if (option === "subscribe" || option === "unsubscribe") {
      await place(await this.subscribe(actor, option === "subscribe"));
      return undefined;
    }
    const refused = await this.refusal(actor, option ?? "ask");
    if (refused) {
      await place(refused);
      return undefined;
    }
    if (!chat.personal) {
      await place(this.personalOnly(actor, "report", chat));
      return undefined;
    }
    const latest = option === "csv" ? await this.options.scans.latest(actor.tenantId) : undefined;
    if (latest !== undefined && !chat.fileConsent) {
      await place(await this.reportView(latest, actor, false));
      return undefined;
    }
    if (latest !== undefined) {
      return csvOffer(latest, textsOf(actor), actor.userId);
    }
    await this.startReport(actor, option === "fresh", place);
    return undefined;
  }

  /** The report button: start, join or show; the view replaces the clicked card (which `place` names). */
  async show(actor: Actor, fresh: boolean, chat: ChatPlace, place: CardPlace): Promise<ReportView> {
    const refused = await this.refusal(actor, "show");
    if (refused) {
      return refused;
    }
    if (!chat.personal) {
      return this.personalOnly(actor, "report", chat);
    }
    return this.placed(actor, fresh, place);
  }

  private async placed(actor: Actor, fresh: boolean, place: CardPlace): Promise<ReportView> {
    let answer: ReportView | undefined;
    await this.startReport(actor, fresh, async (shown) => {
      answer = shown;
      return place(shown);
    });
    return answer!;
  }

  async cancel(actor: Actor, scanId: unknown, place: CardPlace): Promise<ReportView> {
    const refused = await this.refusal(actor, "cancel");
    if (refused) {
      return refused;
    }
    const running = this.options.scans.current(actor.tenantId);
    if (running === undefined || running.id !== scanId) {
      // Already over: show where it ended.
      return this.placed(actor, false, place);
    }
    this.options.watchers.noteCancel(running.id, actor.name);
    this.options.scans.cancel(running.id, actor.userId);
    return reportViews.notice(reportNotices(textsOf(actor)).canceled(actor.name));
  }

  async finding(actor: Actor, scanId: unknown, finding: unknown): Promise<ReportView> {
    const refused = await this.refusal(actor, "finding");
    if (refused) {
      return refused;
    }
    const texts = textsOf(actor);
    const scan = await this.completedScan(actor, scanId);
    if (scan === undefined || !isFindingKey(finding)) {
      return reportViews.notice(reportNotices(texts).csvUnavailable());
    }
    try {
      return reportViews.finding(
        await buildFindingView(scan.id, finding, this.options.scans.verdicts(scan.id), texts),
      );
    } catch (error) {
      // The scan was replaced by a newer one while its names were read.
      if (error instanceof ReportError) {
        return reportViews.notice(reportNotices(texts).csvUnavailable());
      }
      throw error;
    }
  }

  /** "CSV" on the report card: the offer, and the report view to leave in place (saying so where no file can go). */
  async offerCsv(
    actor: Actor,
    scanId: unknown,
    chat: ChatPlace,
  ): Promise<{ shown: ReportView; offer?: CsvOffer }> {
    const refused = await this.refusal(actor, "csv");
    if (refused) {
      return { shown: refused };
    }
    if (!chat.personal) {
      return { shown: this.personalOnly(actor, "csv", chat) };
    }
    const scan = await this.completedScan(actor, scanId);
    if (scan === undefined) {
      return { shown: reportViews.notice(reportNotices(textsOf(actor)).csvUnavailable()) };
    }
    if (!chat.fileConsent) {
      return { shown: await this.reportView(scan, actor, false) };
    }
    return { shown: await this.reportView(scan, actor), offer: csvOffer(scan, textsOf(actor), actor.userId) };
  }

  /** The admin declined the consent card: nothing uploaded, a note (no role needed to be told so). */
  csvDeclined(locale: Locale | undefined): ReportView {
    return reportViews.notice(reportNotices(reportTexts(locale)).csvDeclined());
  }

  /**
   * The admin accepted the consent card: authorised again now, then the CSV streamed to Teams' upload URL,
   * its header in the language it was offered in (`language`; else the actor's).
   */
  async acceptCsv(
    actor: Actor,
    scanId: string,
    upload: { url: string; reference: string; language?: Language },
  ): Promise<{ uploaded: true; bytes: number } | { uploaded: false; shown: ReportView; error?: Error }> {
    const refused = await this.refusal(actor, "csv.accept");
    if (refused) {
      return { uploaded: false, shown: refused };
    }
    const notices = reportNotices(textsOf(actor));
    const scan = await this.completedScan(actor, scanId);
    if (scan === undefined) {
      return { uploaded: false, shown: reportViews.notice(notices.csvUnavailable()) };
    }
    const header = reportTexts(
      upload.language ? { language: upload.language, tag: upload.language } : (actor.locale ?? ENGLISH),
    );
    const totalBytes = csvBytesIn(scan, header);
    try {
      await uploadCsv({
        url: upload.url,
        totalBytes,
        pieces: csvPieces(this.options.scans.verdicts(scan.id), header.t),
        fetch: this.options.fetch,
      });
      return { uploaded: true, bytes: totalBytes };
    } catch (error) {
      return {
        uploaded: false,
        shown: reportViews.notice(notices.csvFailed(upload.reference)),
        error: error as Error,
      };
    }
  }
}
