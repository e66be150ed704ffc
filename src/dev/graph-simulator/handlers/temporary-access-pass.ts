import { randomInt, randomUUID } from "node:crypto";

import type { AuthenticationMethodConfiguration } from "../../../directory/graph-types";
import { SimulatorHttpError } from "../errors";
import { allowOptions, contextUrl } from "../odata";
import { isTargeted } from "../policy-targets";
import type { Handler } from "../types";
import { requireUser } from "./users";

const TYPE = "#microsoft.graph.temporaryAccessPassAuthenticationMethod";
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%&*";
const invalid = (message: string) => new SimulatorHttpError(400, "badRequest", message);

function readBody(body: unknown): {
  lifetimeInMinutes?: number;
  isUsableOnce?: boolean;
  startDateTime?: string;
} {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalid("The request body must be a temporaryAccessPassAuthenticationMethod object.");
  }
  const { lifetimeInMinutes, isUsableOnce, startDateTime } = body as Record<string, unknown>;
  if (
    lifetimeInMinutes !== undefined &&
    (typeof lifetimeInMinutes !== "number" || !Number.isInteger(lifetimeInMinutes))
  ) {
    throw invalid("lifetimeInMinutes must be a whole number of minutes.");
  }
  if (isUsableOnce !== undefined && typeof isUsableOnce !== "boolean") {
    throw invalid("isUsableOnce must be a boolean.");
  }
  if (
    startDateTime !== undefined &&
    (typeof startDateTime !== "string" || Number.isNaN(Date.parse(startDateTime)))
  ) {
    throw invalid("startDateTime must be an ISO 8601 date and time.");
  }
  return { lifetimeInMinutes, isUsableOnce, startDateTime };
}

/** Graph's limits and defaults when the snapshot has no methods policy to read them from. */
const FALLBACK: AuthenticationMethodConfiguration = {
  id: "TemporaryAccessPass",
  state: "enabled",
  defaultLifetimeInMinutes: 60,
  minimumLifetimeInMinutes: 60,
  maximumLifetimeInMinutes: 480,
  defaultLength: 8,
  isUsableOnce: false,
  includeTargets: [{ targetType: "group", id: "all_users" }],
};

/** POST /users/{id}/authentication/temporaryAccessPassMethods: a new pass replaces the user's previous one. */
export const createTemporaryAccessPass: Handler = ({ request, params, state, now }) => {
  allowOptions(request, []);
  const user = requireUser(state, params.id!);
  const config = state.policy
    ? state.policy.authenticationMethodConfigurations.find((c) => c.id === "TemporaryAccessPass")
    : FALLBACK;
  if (config === undefined || config.state !== "enabled" || !isTargeted(state, config, user.id)) {
    throw new SimulatorHttpError(
      403,
      "accessDenied",
      "Temporary Access Pass is not enabled for this user by the authentication methods policy.",
    );
  }
  const body = readBody(request.body);
  const lifetime = body.lifetimeInMinutes ?? Number(config.defaultLifetimeInMinutes ?? 60);
  const min = Number(config.minimumLifetimeInMinutes ?? 10);
  const max = Number(config.maximumLifetimeInMinutes ?? 43200);
  if (lifetime < 10 || lifetime > 43200 || lifetime < min || lifetime > max) {
    throw invalid(
      `lifetimeInMinutes ${lifetime} is outside the range the policy allows (${Math.max(min, 10)} to ${Math.min(max, 43200)}).`,
    );
  }
  const usableOnce = body.isUsableOnce ?? config.isUsableOnce === true;
  if (config.isUsableOnce === true && !usableOnce) {
    throw invalid("The authentication methods policy requires a one-time Temporary Access Pass.");
  }
  const start = body.startDateTime === undefined ? now : Date.parse(body.startDateTime);
  const length = Number(config.defaultLength ?? 8);
  const pass = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  const created = {
    id: randomUUID(),
    isUsable: start <= now,
    methodUsabilityReason: start <= now ? "EnabledByPolicy" : "NotYetValid",
    createdDateTime: new Date(now).toISOString(),
    startDateTime: new Date(start).toISOString(),
    lifetimeInMinutes: lifetime,
    isUsableOnce: usableOnce,
  };
  const methods = state.methodsOf(user.id);
  if (methods !== undefined) {
    // The stored copy never holds the pass: Graph shows it once, in this answer.
    const kept = methods.filter((method) => method["@odata.type"] !== TYPE);
    methods.splice(0, methods.length, ...kept, {
      "@odata.type": TYPE,
      ...created,
      temporaryAccessPass: null,
    });
  }
  return {
    status: 201,
    body: {
      "@odata.context": contextUrl(
        request,
        `users('${params.id}')/authentication/temporaryAccessPassMethods/$entity`,
      ),
      ...created,
      temporaryAccessPass: pass,
    },
  };
};
