import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";

import type { Config } from "../config";

/**
 * Where Bot Framework tokens come from and go to. Unset: the public cloud's endpoints. Tests set all of
 * them together so a local OpenID server signs the incoming tokens (botbuilder switches to "parameterised"
 * mode as soon as one is set, and then uses none of its defaults).
 */
export interface BotAuthEndpoints {
  /** OpenID metadata of the tokens the channel sends (its jwks_uri lists the signing keys). */
  channelOpenIdMetadataUrl: string;
  /** The `iss` those tokens carry. */
  channelTokenIssuer: string;
  emulatorOpenIdMetadataUrl: string;
  /** Token authority and scope for the bot's own calls to the connector. */
  loginUrl: string;
  oauthScope: string;
  oauthUrl: string;
  callerId: string;
}

/** Keys as botbuilder's ConfigurationBotFrameworkAuthentication reads them. */
export type BotAuthOptions = Record<string, string | boolean>;

/** PEM certificate + key: botbuilder wants the SHA-1 thumbprint (hex, no colons) and the key text. */
function certificateSettings(file: string): BotAuthOptions {
  const pem = readFileSync(file, "utf8");
  const certificate = new X509Certificate(pem);
  const key = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(
    pem,
  );
  return {
    CertificateThumbprint: certificate.fingerprint.replaceAll(":", ""),
    CertificatePrivateKey: key?.[0] ?? "",
  };
}

/** The bot's identity from the configuration, plus the token endpoints (test overrides). */
export function botAuthOptions(bot: Config["bot"], endpoints?: BotAuthEndpoints): BotAuthOptions {
  const options: BotAuthOptions = {};
  if (bot.appId !== undefined) {
    options.MicrosoftAppId = bot.appId;
    options.MicrosoftAppType = bot.appType;
    if (bot.tenantId !== undefined) {
      options.MicrosoftAppTenantId = bot.tenantId;
    }
    if (bot.certificatePath !== undefined) {
      Object.assign(options, certificateSettings(bot.certificatePath));
    } else if (bot.password !== undefined) {
      options.MicrosoftAppPassword = bot.password;
    }
  }
  if (endpoints) {
    Object.assign(options, {
      ToBotFromChannelOpenIdMetadataUrl: endpoints.channelOpenIdMetadataUrl,
      ToBotFromChannelTokenIssuer: endpoints.channelTokenIssuer,
      ToBotFromEmulatorOpenIdMetadataUrl: endpoints.emulatorOpenIdMetadataUrl,
      ToChannelFromBotLoginUrl: endpoints.loginUrl,
      ToChannelFromBotOAuthScope: endpoints.oauthScope,
      OAuthUrl: endpoints.oauthUrl,
      CallerId: endpoints.callerId,
      ValidateAuthority: false,
    });
  }
  return options;
}
