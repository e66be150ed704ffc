import type { PortalServicesSettings } from "../../../directory/graph-types";
import { SimulatorHttpError } from "../errors";
import type { Handler, SimRequest } from "../types";

/** The stable version and the preview it replaced: ARM answers the same resource on both. */
const API_VERSIONS = ["2025-11-01", "2025-04-01-preview"];
const RESOURCE_ID = "/providers/Microsoft.PortalServices/settings/default";
const ENFORCEMENT = ["Default", "OptOut", "Enforce"];

const armError = (status: number, code: string, message: string) =>
  new SimulatorHttpError(status, code, message, {}, "arm");

function checkApiVersion(request: SimRequest): void {
  const version = request.query.get("api-version");
  if (version === null) {
    throw armError(
      400,
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required for all requests.",
    );
  }
  if (!API_VERSIONS.includes(version)) {
    throw armError(
      400,
      "InvalidApiVersionParameter",
      `The api-version '${version}' is invalid. The supported versions are '${API_VERSIONS.join(",")}'.`,
    );
  }
}

const asResource = (settings: PortalServicesSettings) => ({
  id: RESOURCE_ID,
  name: "default",
  type: "Microsoft.PortalServices/settings",
  ...settings,
});

/** GET {ARM}/providers/Microsoft.PortalServices/settings/default: the tenant's mandatory-MFA enforcement state. */
export const getPortalSettings: Handler = ({ request, state }) => {
  checkApiVersion(request);
  if (state.portalSettings === undefined) {
    throw armError(
      404,
      "ResourceNotFound",
      `The Resource 'Microsoft.PortalServices/settings/default' under resource group '' was not found.`,
    );
  }
  return { status: 200, body: asResource(state.portalSettings) };
};

function validate(body: unknown): PortalServicesSettings {
  const properties = (body as { properties?: unknown } | null)?.properties;
  if (typeof properties !== "object" || properties === null) {
    throw armError(400, "InvalidRequestContent", "The request content must be an object with 'properties'.");
  }
  const mfa = (properties as { multiFactorAuthentication?: Record<string, unknown> })
    .multiFactorAuthentication;
  if (mfa !== undefined) {
    if (mfa.portalEnforcement !== undefined && !ENFORCEMENT.includes(String(mfa.portalEnforcement))) {
      throw armError(
        400,
        "InvalidRequestContent",
        `portalEnforcement must be one of ${ENFORCEMENT.join(", ")}.`,
      );
    }
    for (const date of ["portalEnforcementDate", "armEnforcementDate"]) {
      const value = mfa[date];
      if (
        value !== undefined &&
        value !== null &&
        (typeof value !== "string" || Number.isNaN(Date.parse(value)))
      ) {
        throw armError(400, "InvalidRequestContent", `${date} must be an ISO 8601 date.`);
      }
    }
  }
  return { properties: properties as PortalServicesSettings["properties"] };
}

export const putPortalSettings: Handler = ({ request, state }) => {
  checkApiVersion(request);
  const settings = validate(request.body);
  const created = state.portalSettings === undefined;
  state.portalSettings = settings;
  return { status: created ? 201 : 200, body: asResource(settings) };
};
