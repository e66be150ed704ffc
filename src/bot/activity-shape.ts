import { ActivityTypes } from "botbuilder";
import { z } from "zod";

/**
 * What a Teams activity must look like before any handler sees it. Checked once, at the endpoint: an
 * activity that cannot be a Teams activity is a clear 400 and nothing runs or is stored; what passes
 * has the fields handlers read in the types they expect (so no handler meets `text: {}` or `from: "x"`).
 */
const account = z
  .object({
    id: z.string().min(1).max(512),
    name: z.string().max(1024).optional(),
    aadObjectId: z.string().max(64).optional(),
  })
  .passthrough();

const activitySchema = z
  .object({
    type: z.enum(Object.values(ActivityTypes) as [string, ...string[]]),
    id: z.string().max(512).optional(),
    name: z.string().max(256).optional(),
    serviceUrl: z.string().min(1).max(2048),
    from: account,
    recipient: account.optional(),
    conversation: z
      .object({
        id: z.string().min(1).max(2048),
        tenantId: z.string().max(64).optional(),
        conversationType: z.string().max(64).optional(),
      })
      .passthrough(),
    text: z.string().max(100_000).optional(),
    replyToId: z.string().max(512).optional(),
    entities: z
      .array(z.object({ type: z.string().min(1).max(128) }).passthrough())
      .max(100)
      .optional(),
    attachments: z
      .array(z.object({ contentType: z.string().min(1).max(256) }).passthrough())
      .max(50)
      .optional(),
    channelData: z
      .object({
        tenant: z
          .object({ id: z.string().max(64) })
          .passthrough()
          .optional(),
      })
      .passthrough()
      .optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
  })
  .passthrough();

const plainObject = z.record(z.unknown()).refine((value) => !Array.isArray(value));

/** An Action.Execute invoke: the only kind of adaptiveCard/action Teams sends for Universal Actions. */
const actionExecute = z.object({
  action: z
    .object({
      type: z.literal("Action.Execute", {
        errorMap: () => ({
          message: "only Action.Execute comes as adaptiveCard/action (Action.Submit is a message)",
        }),
      }),
      verb: z.string().min(1).max(128),
      data: plainObject.optional(),
    })
    .passthrough(),
  trigger: z.enum(["manual", "automatic"]).optional(),
});

export type ShapeCheck =
  | { kind: "ok" }
  | { kind: "reject"; status: 400; code: string; message: string }
  /** An invoke this bot has no feature for, answered as Teams expects without running a turn. */
  | { kind: "answer"; status: 200; body: unknown };

const reject = (message: string): ShapeCheck => ({
  kind: "reject",
  status: 400,
  code: "BadActivity",
  message: message.slice(0, 300),
});

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.join(".") || "activity";
  return `${where}: ${issue.message}`;
}

/** The activity's shape, checked once; `body` is the parsed JSON of the request. */
export function checkActivityShape(body: unknown): ShapeCheck {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return reject("the body must be a JSON object (a Bot Framework activity)");
  }
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    return reject(`not a Teams activity: ${firstProblem(parsed.error)}`);
  }
  const activity = parsed.data as z.infer<typeof activitySchema> & { value?: unknown };
  if (activity.type !== ActivityTypes.Invoke) {
    return { kind: "ok" };
  }
  if (activity.name === "adaptiveCard/action") {
    const value = actionExecute.safeParse(activity.value);
    if (!value.success) {
      return reject(`not an Action.Execute: value.${firstProblem(value.error)}`);
    }
    if (activity.replyToId === undefined) {
      // The card to update is the one replied to: without it the answer has nowhere to go.
      return reject("an Action.Execute needs replyToId (the card's message)");
    }
    return { kind: "ok" };
  }
  if (activity.name === "fileConsent/invoke") {
    return plainObject.safeParse(activity.value).success
      ? { kind: "ok" }
      : reject("a fileConsent/invoke needs a value object");
  }
  if (activity.name?.startsWith("composeExtension/")) {
    return {
      kind: "answer",
      status: 200,
      body: {
        composeExtension: {
          type: "message",
          text: "MFA Ready has no message extension. Open your chat with MFA Ready and ask it there.",
        },
      },
    };
  }
  return reject(`invoke "${String(activity.name ?? "")}" is not supported by MFA Ready`);
}
