/** The one rate-limit and retry policy of the product, shared by the Graph adapter and the Teams sender. */
export { type Clock, systemClock } from "./clock";
export { GRAPH_LIMIT_FAMILIES, type LimitFamily } from "./families";
export { type LimitRule, minimumDurationMs, scaleRule } from "./limit-rule";
export { LimiterRegistry, type LimiterRegistryOptions } from "./limiter-registry";
export { RateLimiter, type Slot } from "./rate-limiter";
export { type HeaderSource, headerValue, parseRetryAfter } from "./retry-after";
export {
  type AttemptOutcome,
  backoffDelay,
  decideRetry,
  DEFAULT_RETRY_OPTIONS,
  GRAPH_RETRY_STATUSES,
  type RetryDecision,
  type RetryOptions,
  TEAMS_RETRY_STATUSES,
} from "./retry-policy";
export { TEAMS_CONVERSATION_RULES, teamsGuardRules, teamsTenantRules } from "./teams-limits";
