import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

/** Bot Framework's channel token issuer, in spirit: a local OpenID metadata + JWKS server that signs tokens. */
export interface JwtIssuer {
  /** OpenID metadata URL (give it to the bot as ToBotFromChannelOpenIdMetadataUrl). */
  metadataUrl: string;
  /** The `iss` of the tokens it signs. */
  issuer: string;
  /** A signed token; `options` bends it into the invalid kinds the tests need. */
  token(claims: TokenClaims, options?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

export interface TokenClaims {
  /** The bot's app id. */
  aud: string;
  /** Must equal the activity's serviceUrl. */
  serviceurl?: string;
  [claim: string]: unknown;
}

export interface TokenOptions {
  /** Sign with a key the JWKS does not publish (same kid, or an unknown kid). */
  foreignKey?: "same-kid" | "unknown-kid";
  issuer?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
}

const KID = "test-channel-key";

export async function startJwtIssuer(issuer = "https://api.botframework.test"): Promise<JwtIssuer> {
  const own = await generateKeyPair("RS256", { extractable: true });
  const foreign = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(own.publicKey)), kid: KID, use: "sig", alg: "RS256" };
  // Bot Framework publishes which channels each key may sign for; the bot checks the activity's channelId.
  const keys = [{ ...jwk, endorsements: ["msteams", "emulator", "webchat"] }];

  let base = "";
  const server: Server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url === "/v1/.well-known/openidconfiguration") {
      res.end(
        JSON.stringify({
          issuer,
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ["RS256"],
        }),
      );
    } else if (req.url === "/v1/.well-known/keys") {
      res.end(JSON.stringify({ keys }));
    } else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    issuer,
    async token(claims, options = {}) {
      const key: SigningKey = options.foreignKey ? foreign.privateKey : own.privateKey;
      const kid = options.foreignKey === "unknown-kid" ? "not-published" : KID;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ ...claims })
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(claims.aud)
        .setNotBefore(now - 60)
        .setIssuedAt(now - 60)
        .setExpirationTime(now + (options.expiresIn ?? 3600))
        .sign(key);
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
