import type { Config } from "./config";
import { ConfigError } from "./config";
import { asProductStores, type ProductStores } from "./product-stores";
import { openEmbeddedStores } from "./storage";
import type * as AzureStorageModule from "./storage/azure";

/**
 * The stores the configuration names: embedded SQLite under DATA_DIR (the default), or Azure Storage
 * shared by every instance. An account that does not answer or refuses stops start-up naming the setting.
 */
export async function openStores(config: Config): Promise<ProductStores> {
  if (config.storage.kind === "sqlite") {
    return asProductStores(openEmbeddedStores(config.dataDir));
  }
  const setting =
    config.storage.accountUrl === undefined ? "AZURE_STORAGE_CONNECTION_STRING" : "AZURE_STORAGE_ACCOUNT_URL";
  // Loaded only with STORAGE=azure: an embedded bot carries none of the Azure Storage SDKs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load; import() of .ts needs an extension under nodenext
  const { openAzureStores } = require("./storage/azure") as typeof AzureStorageModule;
  try {
    return asProductStores(await openAzureStores(config.storage));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    throw new ConfigError(setting, `the storage account could not be opened: ${reason.slice(0, 200)}`);
  }
}
