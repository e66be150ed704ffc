/**
 * A turn may answer its invoke before it ends (answer-in-time.ts): the endpoint binds a function that
 * sends the HTTP answer at once, and the turn carries on with its context still live.
 */
import type { TurnContext } from "botbuilder";

export interface EarlyAnswer {
  status: number;
  body?: unknown;
}

const EARLY = Symbol("mfa-ready.earlyAnswer");

export function bindEarlyAnswer(context: TurnContext, answer: (response: EarlyAnswer) => void): void {
  context.turnState.set(EARLY, answer);
}

/** Answers the invoke now; false when the turn did not come through the endpoint (nothing to answer early). */
export function answerEarly(context: TurnContext, response: EarlyAnswer): boolean {
  const answer = context.turnState.get(EARLY) as ((response: EarlyAnswer) => void) | undefined;
  answer?.(response);
  return answer !== undefined;
}
