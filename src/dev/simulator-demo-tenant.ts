import { request } from "node:https";

import type { DemoTenant } from "../features/registration/demo-tenant";

/** Where the demo's Graph simulator listens and which CA to trust (its own, made at start). */
export interface SimulatorEndpoint {
  baseUrl: string;
  caCertPem: string;
}

/** The AAGUID of a YubiKey 5 Series key: a device-bound model every demo policy accepts. */
const DEMO_KEY_AAGUID = "cb69481e-8ff7-4039-93ec-0a2729a154a8";

/**
 * The demo's writes, through the simulator's own setup API (POST /_simulator/users/{id}/authentication/methods,
 * see graph-simulator/admin-routes.ts) over HTTPS, as anyone could call it: a passkey appears in the
 * user's methods, and the next Graph read finds it.
 */
export function simulatorDemoTenant(simulator: SimulatorEndpoint, timeoutMs = 10_000): DemoTenant {
  return {
    async registerPasskey(userId, displayName) {
      const url = new URL(
        `${simulator.baseUrl}/_simulator/users/${encodeURIComponent(userId)}/authentication/methods`,
      );
      const body = JSON.stringify({
        "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
        displayName,
        aaGuid: DEMO_KEY_AAGUID,
        model: null,
      });
      const status = await new Promise<number>((resolve, reject) => {
        const call = request(
          url,
          {
            method: "POST",
            // The simulator wants a bearer token, any token (it stands in for Graph, not for Entra ID).
            headers: {
              authorization: "Bearer demo",
              "content-type": "application/json",
              "content-length": Buffer.byteLength(body),
            },
            ca: simulator.caCertPem,
            agent: false,
            timeout: timeoutMs,
          },
          (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
          },
        );
        call.on("timeout", () => call.destroy(new Error("the Graph simulator did not answer in time")));
        call.on("error", reject);
        call.end(body);
      });
      if (status !== 201) {
        throw new Error(`the Graph simulator refused the demo passkey (HTTP ${status})`);
      }
    },
  };
}
