import { TableClient } from "@azure/data-tables";
import { DefaultAzureCredential, type TokenCredential } from "@azure/identity";
import { BlobServiceClient } from "@azure/storage-blob";

import type { StorageConfig } from "../../config";

export type AzureStorageConfig = Extract<StorageConfig, { kind: "azure" }>;

/** One Storage account as the stores reach it: tables by name, the bot-state container, the same credential. */
export interface AzureAccount {
  /** A table client for `<prefix><name>`; the table is created by `ensureTables`. */
  table(name: string): TableClient;
  blobs: BlobServiceClient;
  containerName: string;
  /** For BlobsStorage: a connection string, or the blob endpoint plus the token credential. */
  botState: { connectionString: string } | { containerUrl: string; credential: TokenCredential };
}

/** Azurite and the SDK's dev-storage shorthand: its well-known account, on loopback. */
const DEVELOPMENT_STORAGE =
  "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
  "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
  "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;" +
  "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

const serviceUrl = (accountUrl: string, service: "blob" | "table") =>
  accountUrl.replace(/\.(blob|table|queue)\./i, `.${service}.`);

/**
 * Clients for the configured account. With an account URL the credential is DefaultAzureCredential:
 * on App Service / Container Apps that is the managed identity (AZURE_CLIENT_ID names the user-assigned
 * one), on AKS the workload identity; never an account key.
 */
export function openAzureAccount(config: AzureStorageConfig, credential?: TokenCredential): AzureAccount {
  const containerName = `${config.prefix}-botstate`;
  if (config.connectionString !== undefined) {
    const connectionString =
      config.connectionString === "UseDevelopmentStorage=true"
        ? DEVELOPMENT_STORAGE
        : config.connectionString;
    const local = /^DefaultEndpointsProtocol=http;|=http:\/\//i.test(connectionString);
    return {
      table: (name) =>
        TableClient.fromConnectionString(connectionString, `${config.prefix}${name}`, {
          allowInsecureConnection: local,
        }),
      blobs: BlobServiceClient.fromConnectionString(connectionString),
      containerName,
      botState: { connectionString },
    };
  }
  const token = credential ?? new DefaultAzureCredential();
  const blobUrl = serviceUrl(config.accountUrl, "blob");
  return {
    table: (name) =>
      new TableClient(serviceUrl(config.accountUrl, "table"), `${config.prefix}${name}`, token),
    blobs: new BlobServiceClient(blobUrl, token),
    containerName,
    botState: { containerUrl: `${blobUrl}/${containerName}`, credential: token },
  };
}
