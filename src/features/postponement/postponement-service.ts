import { renderCard } from "../../cards/render";
import type { AdaptiveCardJson } from "../../cards/types";
import type { Actor } from "../../domain/actor";
import { answerCardData } from "./answer-view";
import { decide, type DecisionInput, refreshApproval } from "./approval-service";
import { formCardData } from "./form-view";
import type { PostponementDeps } from "./postponement-deps";
import { registerReminders } from "./reminders";
import type { RequestFormInput } from "./request-form";
import { submitRequest, type SubmitResult } from "./request-service";
import { readTenantSettings } from "./tenant-settings";

/** The postponement feature as the bot uses it: one card out per call. */
export interface PostponementService {
  /** "can we postpone?": the truth as of today, with the tenant's own settings when they can be read. */
  answer(): Promise<AdaptiveCardJson>;
  form(): AdaptiveCardJson;
  submit(actor: Actor, input: RequestFormInput): Promise<SubmitResult>;
  decide(actor: Actor, status: "approved" | "declined", input: DecisionInput): Promise<AdaptiveCardJson>;
  refresh(actor: Actor, input: DecisionInput): Promise<AdaptiveCardJson>;
}

/** Builds the service and registers its reminder job with the scheduler (before the scheduler starts). */
export function createPostponementService(deps: PostponementDeps): PostponementService {
  registerReminders(deps);
  return {
    async answer() {
      return renderCard(
        "postponement-answer",
        answerCardData(await readTenantSettings(deps.directory), deps.now()),
      );
    },
    form: () => renderCard("postponement-request-form", formCardData(deps.now())),
    submit: (actor, input) => submitRequest(deps, actor, input),
    decide: (actor, status, input) => decide(deps, actor, status, input),
    refresh: (actor, input) => refreshApproval(deps, actor, input),
  };
}
