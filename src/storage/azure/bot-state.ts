import type { Storage } from "botbuilder";
import { BlobsStorage } from "botbuilder-azure-blobs";

import type { AzureAccount } from "./account";

/**
 * Bot state in Blob Storage through botbuilder's own BlobsStorage: one blob per key, its eTag the
 * blob's, so a turn that read stale state fails its write on any instance as it does on SQLite.
 */
export function openBotState(account: AzureAccount): Storage {
  const { botState, containerName } = account;
  if ("connectionString" in botState) {
    return new BlobsStorage(botState.connectionString, containerName);
  }
  return new BlobsStorage("", containerName, undefined, botState.containerUrl, botState.credential);
}
