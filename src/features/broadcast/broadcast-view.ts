import type { ErrorCardView } from "../../cards/error-card";
import type { MessageView } from "./message-card";
import type { ComposeView, PreviewView } from "./preview";
import type { ProgressView } from "./progress-card";

/** Every answer of the broadcast feature: one of its templates (adaptiveCards/broadcast-*.json) or an error. */
export type BroadcastView = ComposeView | PreviewView | ProgressView | MessageView | ErrorCardView;
