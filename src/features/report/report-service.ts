import type { AdaptiveCardJson } from "../../cards/types";
import type { Actor } from "../../domain/actor";
import type { ScanRecord } from "../../domain/report-types";
import type { Authorizer } from "../authz/authorize";
import { refusalCard } from "../authz/refusal-card";
import type { SentCard } from "../messaging/messenger";
import { csvPieces, uploadCsv } from "./csv-upload";
import type { DailyReport } from "./daily-report";
import { buildFindingView, isFindingKey } from "./finding-view";
import { reportCards } from "./report-cards";
import { ReportError } from "./report-errors";
import { reportNotices } from "./report-notices";
import type { ScanService } from "./scan-service";
import type { ScanWatchers } from "./scan-watchers";

/** Where the first card of a scan goes (a message sent now, or the clicked card); where it lives, to update later. */
export type CardPlace = (card: AdaptiveCardJson) => Promise<SentCard | undefined>;

/** The CSV a file consent card offers: the bot turns it into Teams' consent card. */
export interface CsvOffer {
  scanId: string;
  name: string;
  sizeInBytes: number;
  description: string;
  /** The user it is offered to (the accept must come from them). */
  offeredTo: string;
}

/** Where the asker is: the report and its CSV are for the personal chat only. */
export interface ChatPlace {
  personal: boolean;
  /** A link to the personal chat with the bot, for the "continue there" card. */
  chatUrl: string;
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

/**
 * The readiness report as one service, like BroadcastService: every step authorised by the permissions
 * table (roles read in Graph, audited), then scans started or joined, findings, the CSV and the daily
 * report. It answers cards; the bot only places them.
 */
export class ReportService {
  constructor(private readonly options: ReportServiceOptions) {}

  /** Undefined when the table allows the step, else the refusal card (authorize has audited either way). */
  private async refusal(actor: Actor, step: string): Promise<AdaptiveCardJson | undefined> {
    const decision = await this.options.authz.authorize(actor, "readinessReport", { step });
    return decision.allowed ? undefined : refusalCard(decision);
  }

  private personalOnly(what: string, chat: ChatPlace): AdaptiveCardJson {
    return reportCards.notice(reportNotices.personalOnly(what, chat.chatUrl));
  }

  private async reportCard(scan: ScanRecord, actor: Actor): Promise<AdaptiveCardJson> {
    return reportCards.report(scan, {
      now: this.options.now(),
      subscribed: await this.options.daily.isSubscribed(actor.tenantId, actor.userId),
    });
  }

  /** Starts or joins a scan, or answers from the last hour's; `place` puts the first card where it belongs. */
  private async startReport(actor: Actor, fresh: boolean, place: CardPlace): Promise<void> {
    let started;
    try {
      started = await this.options.scans.start(actor.tenantId, { fresh, requestedBy: actor.userId });
    } catch (error) {
      if (error instanceof ReportError && error.reason === "notInTenant") {
        await place(reportCards.notice(reportNotices.notInTenant()));
        return;
      }
      throw error;
    }
    if (started.kind === "cached") {
      await place(await this.reportCard(started.scan, actor));
      return;
    }
    const { scan, joined } = started;
    const sent = await place(reportCards.progress(scan.id, scan.progress, this.options.now(), joined));
    if (sent !== undefined) {
      this.options.watchers.watch(scan, { sent, userId: actor.userId, joined });
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

  private offerFor(scan: ScanRecord, actor: Actor): CsvOffer {
    const day = (scan.finishedAt ?? scan.startedAt).slice(0, 10);
    return {
      scanId: scan.id,
      name: `mfa-readiness-${day}.csv`,
      sizeInBytes: scan.csvBytes,
      description: `MFA readiness of ${scan.users} users (one row each), from the scan of ${day}.`,
      offeredTo: actor.userId,
    };
  }

  /** The daily report on or off for the actor. */
  async subscribe(actor: Actor, on: boolean): Promise<AdaptiveCardJson> {
    const refused = await this.refusal(actor, on ? "subscribe" : "unsubscribe");
    if (refused) {
      return refused;
    }
    const { daily } = this.options;
    if (!on) {
      await daily.unsubscribe(actor.tenantId, actor.userId);
      return reportCards.notice(reportNotices.unsubscribed());
    }
    if (!daily.enabled) {
      return reportCards.notice(reportNotices.dailyOff());
    }
    await daily.subscribe(actor.tenantId, actor.userId, actor.name);
    return reportCards.notice(reportNotices.subscribed(daily.dailyAt!));
  }

  /** "readiness report" typed, with the recogniser's option; cards go to `place`, a CSV offer is returned. */
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
      await place(this.personalOnly("The readiness report", chat));
      return undefined;
    }
    const latest = option === "csv" ? await this.options.scans.latest(actor.tenantId) : undefined;
    if (latest !== undefined) {
      return this.offerFor(latest, actor);
    }
    await this.startReport(actor, option === "fresh", place);
    return undefined;
  }

  /** The report button: start, join or show; the card replaces the clicked one (which `place` names). */
  async show(actor: Actor, fresh: boolean, chat: ChatPlace, place: CardPlace): Promise<AdaptiveCardJson> {
    const refused = await this.refusal(actor, "show");
    if (refused) {
      return refused;
    }
    if (!chat.personal) {
      return this.personalOnly("The readiness report", chat);
    }
    return this.placed(actor, fresh, place);
  }

  private async placed(actor: Actor, fresh: boolean, place: CardPlace): Promise<AdaptiveCardJson> {
    let answer: AdaptiveCardJson | undefined;
    await this.startReport(actor, fresh, async (card) => {
      answer = card;
      return place(card);
    });
    return answer!;
  }

  async cancel(actor: Actor, scanId: unknown, place: CardPlace): Promise<AdaptiveCardJson> {
    const refused = await this.refusal(actor, "cancel");
    if (refused) {
      return refused;
    }
    const running = this.options.scans.current(actor.tenantId);
    if (running === undefined || running.id !== scanId) {
      // Already over: show where it ended.
      return this.placed(actor, false, place);
    }
    const by = actor.name ?? "An admin";
    this.options.watchers.noteCancel(running.id, by);
    this.options.scans.cancel(running.id, actor.userId);
    return reportCards.notice(reportNotices.canceled(by));
  }

  async finding(actor: Actor, scanId: unknown, finding: unknown): Promise<AdaptiveCardJson> {
    const refused = await this.refusal(actor, "finding");
    if (refused) {
      return refused;
    }
    const scan = await this.completedScan(actor, scanId);
    if (scan === undefined || !isFindingKey(finding)) {
      return reportCards.notice(reportNotices.csvUnavailable());
    }
    return reportCards.finding(
      await buildFindingView(scan.id, finding, this.options.scans.verdicts(scan.id)),
    );
  }

  /** "CSV" on the report card: the offer, and the report card to leave in place. */
  async offerCsv(
    actor: Actor,
    scanId: unknown,
    chat: ChatPlace,
  ): Promise<{ card: AdaptiveCardJson; offer?: CsvOffer }> {
    const refused = await this.refusal(actor, "csv");
    if (refused) {
      return { card: refused };
    }
    if (!chat.personal) {
      return { card: this.personalOnly("The CSV", chat) };
    }
    const scan = await this.completedScan(actor, scanId);
    if (scan === undefined) {
      return { card: reportCards.notice(reportNotices.csvUnavailable()) };
    }
    return { card: await this.reportCard(scan, actor), offer: this.offerFor(scan, actor) };
  }

  /** The admin accepted the consent card: authorised again now, then the CSV streamed to Teams' upload URL. */
  async acceptCsv(
    actor: Actor,
    scanId: string,
    uploadUrl: string,
    reference: string,
  ): Promise<{ uploaded: true; bytes: number } | { uploaded: false; card: AdaptiveCardJson; error?: Error }> {
    const refused = await this.refusal(actor, "csv.accept");
    if (refused) {
      return { uploaded: false, card: refused };
    }
    const scan = await this.completedScan(actor, scanId);
    if (scan === undefined) {
      return { uploaded: false, card: reportCards.notice(reportNotices.csvUnavailable()) };
    }
    try {
      await uploadCsv({
        url: uploadUrl,
        totalBytes: scan.csvBytes,
        pieces: csvPieces(this.options.scans.verdicts(scan.id)),
        fetch: this.options.fetch,
      });
      return { uploaded: true, bytes: scan.csvBytes };
    } catch (error) {
      return {
        uploaded: false,
        card: reportCards.notice(reportNotices.csvFailed(reference)),
        error: error as Error,
      };
    }
  }
}
