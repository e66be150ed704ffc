import { DirectoryError } from "./errors";
import type { GraphHttp } from "./graph-http";
import { graphUrls } from "./graph-urls";
import type { Page } from "./paging";

/** Installs a Teams app in a user's personal scope: 201, or 409 when it is already there. */
export async function installApp(
  http: GraphHttp,
  graphBaseUrl: string,
  userId: string,
  teamsAppId: string,
): Promise<{ newlyInstalled: boolean }> {
  const bind = `${graphBaseUrl.replace(/\/+$/, "")}/v1.0/appCatalogs/teamsApps/${encodeURIComponent(teamsAppId)}`;
  const created = await http.send("POST", graphUrls.installedApps(userId), { "teamsApp@odata.bind": bind });
  if (created.status !== 409 && (created.status < 200 || created.status >= 300)) {
    throw http.errorOf(created, graphUrls.installedApps(userId));
  }
  return { newlyInstalled: created.status !== 409 };
}

/**
 * Installs a Teams app in a user's personal scope and finds the chat with it. Graph answers the POST with
 * 201 and no body, or 409 when the app is already there; either way the installation is then looked up by
 * the catalog app id, and its chat read.
 */
export async function installAppForUser(
  http: GraphHttp,
  graphBaseUrl: string,
  userId: string,
  teamsAppId: string,
): Promise<{ chatId: string; newlyInstalled: boolean }> {
  const { newlyInstalled } = await installApp(http, graphBaseUrl, userId, teamsAppId);
  const found = await http.json<Page<{ id: string }>>(
    "GET",
    graphUrls.installedAppByTeamsApp(userId, teamsAppId),
  );
  const installation = found.value[0];
  if (installation === undefined) {
    throw new DirectoryError(
      "notFound",
      `Teams app ${teamsAppId} is not installed for the user after installing it.`,
    );
  }
  const chat = await http.json<{ id: string }>("GET", graphUrls.installedAppChat(userId, installation.id));
  return { chatId: chat.id, newlyInstalled };
}
