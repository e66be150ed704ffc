import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
  WorkloadIdentityCredential,
} from "@azure/identity";

import type { Config } from "../config";

/** What the Graph middleware needs: a bearer token for one resource (the SDK's AuthenticationProvider). */
export interface TokenProvider {
  getAccessToken(): Promise<string>;
}

/** The token the Graph simulator accepts. It carries no roles claim: the simulator checks no permissions. */
export const SIMULATOR_TOKEN = "mfa-ready-simulator-token";

/** The token scope for a resource: its origin + "/.default" (Graph, a national cloud, ARM, a simulator). */
export function scopeFor(baseUrl: string): string {
  return `${new URL(baseUrl).origin}/.default`;
}

const PUBLIC_CLOUD_AUTHORITY = "login.microsoftonline.com";

/**
 * The authority options for @azure/identity. MSAL's instance discovery asks the public cloud about any
 * authority first and fails for one it does not know (a sovereign cloud's, an emulator's): when
 * AUTHORITY_HOST names another host, the authority is trusted as configured and discovery is off.
 */
export function authorityOptions(authorityHost: string): {
  authorityHost: string;
  disableInstanceDiscovery?: true;
} {
  return new URL(authorityHost).hostname.toLowerCase() === PUBLIC_CLOUD_AUTHORITY
    ? { authorityHost }
    : { authorityHost, disableInstanceDiscovery: true };
}

/** The @azure/identity credential config.directory.credential names; undefined for the simulator. */
export function createCredential(directory: Config["directory"]): TokenCredential | undefined {
  const { tenantId, clientId } = directory;
  const authority = authorityOptions(directory.authorityHost);
  switch (directory.credential) {
    case "simulator":
      return undefined;
    case "secret":
      return new ClientSecretCredential(tenantId!, clientId!, directory.clientSecret!, authority);
    case "certificate":
      return new ClientCertificateCredential(
        tenantId!,
        clientId!,
        { certificatePath: directory.certificatePath! },
        authority,
      );
    case "managed-identity":
      return clientId === undefined
        ? new ManagedIdentityCredential()
        : new ManagedIdentityCredential({ clientId });
    case "workload-identity":
      return new WorkloadIdentityCredential({ tenantId, clientId, ...authority });
  }
}

/**
 * Tokens for one scope. @azure/identity caches and refreshes tokens itself; we keep the last one until
 * five minutes before it expires so each request does not go through the credential's lock.
 */
export function tokenProviderFor(
  credential: TokenCredential | undefined,
  scope: string,
  now: () => number = Date.now,
): TokenProvider {
  if (credential === undefined) {
    return { getAccessToken: async () => SIMULATOR_TOKEN };
  }
  let cached: { token: string; expiresOn: number } | undefined;
  return {
    async getAccessToken() {
      if (cached !== undefined && cached.expiresOn - 5 * 60_000 > now()) {
        return cached.token;
      }
      const token = await credential.getToken(scope);
      if (token === null) {
        throw new Error(`no token for ${scope}`);
      }
      cached = { token: token.token, expiresOn: token.expiresOnTimestamp };
      return token.token;
    },
  };
}
