export { buildErrorCard, type ErrorCardInput } from "./error-card";
export { buildHelpCard, type HelpCardInput } from "./help-card";
export { escapeMarkdown, userText } from "./markdown";
export { type CardRenderer, createCardRenderer, renderCard, TEMPLATE_DIR } from "./render";
export { type AdaptiveCardJson, type CardErrorReason, CardTemplateError, type JsonValue } from "./types";
export { isVerb, type Verb, type VerbName, VERBS } from "./verbs";
export { buildWelcomeCard, formatDay, type WelcomeCardInput } from "./welcome-card";
