import { randomUUID } from "node:crypto";

import type { SimResponse } from "./types";

/** Graph's body ({error:{code,message,innerError}}) or Azure Resource Manager's ({error:{code,message}}). */
export type ErrorStyle = "graph" | "arm";

/** An answer the simulator gives instead of data, in the service's own error shape. */
export class SimulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly style: ErrorStyle = "graph",
  ) {
    super(message);
    this.name = "SimulatorHttpError";
  }
}

export const badRequest = (message: string, code = "BadRequest") =>
  new SimulatorHttpError(400, code, message);

export const notFound = (id: string, code = "Request_ResourceNotFound") =>
  new SimulatorHttpError(
    404,
    code,
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

/** What Graph answers for the reports and sign-in APIs in a tenant without Microsoft Entra ID P1. */
export const nonPremium = () =>
  new SimulatorHttpError(
    403,
    "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
    "Neither tenant is B2C or tenant doesn't have premium license",
  );

/** A snapshot without this key: the data could not be read, as with a missing permission. */
export const notReadable = (area: string) =>
  new SimulatorHttpError(
    403,
    "Authorization_RequestDenied",
    `Insufficient privileges to complete the operation. (The tenant snapshot holds no ${area}.)`,
  );

export function errorResponse(error: SimulatorHttpError, now: Date, clientRequestId?: string): SimResponse {
  const requestId = randomUUID();
  const headers = { ...error.headers, "request-id": requestId };
  if (error.style === "arm") {
    return { status: error.status, headers, body: { error: { code: error.code, message: error.message } } };
  }
  const innerError = {
    date: now.toISOString().replace(/\.\d{3}Z$/, ""),
    "request-id": requestId,
    "client-request-id": clientRequestId ?? requestId,
  };
  return {
    status: error.status,
    headers,
    body: { error: { code: error.code, message: error.message, innerError } },
  };
}
