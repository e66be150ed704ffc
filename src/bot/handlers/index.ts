import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";
import type { PostponementService } from "../../features/postponement/postponement-service";
import type { StatusService } from "../../features/status/status-service";
import type { ConversationReferenceStore } from "../../storage/conversation-references";
import { botWasAdded } from "../conversation-kind";
import { forgetPersonalChat, rememberPersonalChat } from "./conversation-reference";
import { notYetAvailable, unknownInvoke, unknownVerb } from "./fallbacks";
import { helpCard, sendHelp } from "./help";
import { type Recognize, createMessageHandler } from "./message";
import { type PostponementHandlers, createPostponementHandlers } from "./postponement";
import { type StatusHandlers, createStatusHandlers } from "./status";
import { createWelcome, sendWelcomeCard } from "./welcome";

export interface BotServices {
  conversationReferences: ConversationReferenceStore;
  recognize: Recognize;
  now: () => Date;
  /** Status checks; without it the status verbs answer "not available yet". */
  status?: StatusService;
  /** Postponement answers, requests and approvals; without it the guidance card answers. */
  postponement?: PostponementService;
}

type Handler = (context: TurnContext) => Promise<void>;
type CardHandler = (context: TurnContext) => Promise<AdaptiveCard>;

/** Every handler routes.ts wires, bound to the services they use. */
export interface BotHandlers {
  installed: Handler;
  upgraded: Handler;
  uninstalled: Handler;
  membersAdded: Handler;
  message: Handler;
  showHelp: CardHandler;
  notYetAvailable: CardHandler;
  unknownVerb: CardHandler;
  unknownInvoke: Handler;
  checkStatus: CardHandler;
  refreshStatus: CardHandler;
  showGuidance: CardHandler;
  showPostponement: CardHandler;
  postponementForm: CardHandler;
  postponementSubmit: CardHandler;
  approvePostponement: CardHandler;
  declinePostponement: CardHandler;
  refreshPostponement: CardHandler;
}

export function createBotHandlers(services: BotServices): BotHandlers {
  const references = { store: services.conversationReferences, now: services.now };
  const sendWelcome = createWelcome({ now: services.now });
  const status: StatusHandlers | undefined =
    services.status && createStatusHandlers(services.status, services.now);
  const postponement: PostponementHandlers | undefined =
    services.postponement && createPostponementHandlers(services.postponement);
  const onMessage = createMessageHandler(services.recognize, {
    help: (context) => sendHelp(context),
    greeting: (context) => sendWelcomeCard(context, services.now()),
    ...(status ? { status: status.askStatus } : {}),
    ...(postponement ? { postpone: postponement.askPostponement } : {}),
  });

  return {
    installed: async (context) => {
      await rememberPersonalChat(context, references);
      await sendWelcome(context);
    },
    upgraded: (context) => rememberPersonalChat(context, references),
    uninstalled: (context) => forgetPersonalChat(context, references),
    membersAdded: async (context) => {
      if (botWasAdded(context)) {
        await rememberPersonalChat(context, references);
        await sendWelcome(context);
      }
    },
    message: async (context) => {
      await rememberPersonalChat(context, references);
      await onMessage(context);
    },
    showHelp: async () => helpCard(),
    notYetAvailable,
    unknownVerb,
    unknownInvoke,
    checkStatus: status?.checkStatus ?? notYetAvailable,
    refreshStatus: status?.refreshStatus ?? notYetAvailable,
    showGuidance: status?.showGuidance ?? notYetAvailable,
    showPostponement: postponement?.showPostponement ?? status?.showGuidance ?? notYetAvailable,
    postponementForm: postponement?.showForm ?? notYetAvailable,
    postponementSubmit: postponement?.submitRequest ?? notYetAvailable,
    approvePostponement: postponement?.approve ?? notYetAvailable,
    declinePostponement: postponement?.decline ?? notYetAvailable,
    refreshPostponement: postponement?.refreshApproval ?? notYetAvailable,
  };
}
