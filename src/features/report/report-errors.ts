/** Why a report request could not be served; the handler turns each reason into a card. */
export type ReportProblem = "notInTenant" | "notFound" | "notCompleted";

export class ReportError extends Error {
  constructor(
    readonly reason: ReportProblem,
    message: string,
  ) {
    super(message);
    this.name = "ReportError";
  }
}
