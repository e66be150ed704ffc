import type { GraphHttp } from "./graph-http";
import type { PortalServicesSettings } from "./graph-types";
import { PORTAL_SETTINGS_API_VERSIONS, portalSettingsUrl } from "./graph-urls";

/**
 * ARM's Microsoft.PortalServices/settings, read or written: the stable api-version first; the preview
 * only when ARM refuses the stable one (400 for an unknown api-version, 404 where it is not rolled out),
 * so a tenant whose region lags still answers.
 */
export async function portalSettings(
  arm: GraphHttp,
  armBaseUrl: string,
  method: "GET" | "PUT",
  body?: PortalServicesSettings,
): Promise<PortalServicesSettings> {
  const [stable, preview] = PORTAL_SETTINGS_API_VERSIONS;
  const url = portalSettingsUrl(armBaseUrl, stable);
  const answer = await arm.send<PortalServicesSettings>(method, url, body);
  if (answer.status >= 200 && answer.status < 300) {
    return answer.body as PortalServicesSettings;
  }
  if (answer.status !== 400 && answer.status !== 404) {
    throw arm.errorOf(answer, url);
  }
  return arm.json<PortalServicesSettings>(method, portalSettingsUrl(armBaseUrl, preview), body);
}
