import { type View, view } from "../../cards/view";
import type { Actor } from "../../domain/actor";
import { ENGLISH, type Locale } from "../../domain/language";
import { type AnswerCardData, answerCardData } from "./answer-view";
import { decide, type DecisionInput, type DecisionView, refreshApproval } from "./approval-service";
import { formCardData } from "./form-view";
import type { PostponementDeps } from "./postponement-deps";
import { registerReminders } from "./reminders";
import type { RequestFormInput } from "./request-form";
import { type FormView, submitRequest, type SubmitResult } from "./request-service";
import { readTenantSettings } from "./tenant-settings";

export type AnswerView = View<"postponement-answer", AnswerCardData>;

/** The postponement feature as the bot uses it: one view out per call, in the reader's language. */
export interface PostponementService {
  /** "can we postpone?": the truth as of today, with the tenant's own settings when they can be read. */
  answer(locale?: Locale): Promise<AnswerView>;
  form(locale?: Locale): FormView;
  submit(actor: Actor, input: RequestFormInput): Promise<SubmitResult>;
  decide(actor: Actor, status: "approved" | "declined", input: DecisionInput): Promise<DecisionView>;
  refresh(actor: Actor, input: DecisionInput): Promise<DecisionView>;
}

/** Builds the service and registers its reminder job with the scheduler (before the scheduler starts). */
export function createPostponementService(deps: PostponementDeps): PostponementService {
  registerReminders(deps);
  return {
    async answer(locale = ENGLISH) {
      return view(
        "postponement-answer",
        answerCardData(await readTenantSettings(deps.directory), deps.now(), locale),
      );
    },
    form: (locale = ENGLISH) => view("postponement-request-form", formCardData(deps.now(), {}, {}, locale)),
    submit: (actor, input) => submitRequest(deps, actor, input),
    decide: (actor, status, input) => decide(deps, actor, status, input),
    refresh: (actor, input) => refreshApproval(deps, actor, input),
  };
}
