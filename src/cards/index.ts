export { createCardRenderer, renderCard, TEMPLATE_DIR, type CardRenderer } from "./render";
export { escapeMarkdown, userText } from "./markdown";
export { VERBS, isVerb, type Verb, type VerbName } from "./verbs";
export { CardTemplateError, type AdaptiveCardJson, type CardErrorReason, type JsonValue } from "./types";
export { buildWelcomeCard, formatDay, type WelcomeCardInput } from "./welcome-card";
export { buildHelpCard, type HelpCardInput } from "./help-card";
export { buildErrorCard, type ErrorCardInput } from "./error-card";
