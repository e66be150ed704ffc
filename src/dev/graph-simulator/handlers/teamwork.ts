import { badRequest, notFound, SimulatorHttpError } from "../errors";
import { parseEqClauses } from "../filter-tokens";
import { allowOptions, contextUrl } from "../odata";
import type { Handler } from "../types";
import { requireUser } from "./users";

const BIND = /\/appCatalogs\/teamsApps\/([^/?#]+)$/;

/** Graph's id for a personal-scope installation; deterministic, so tests and chats are stable. */
export const installationId = (userId: string, appId: string) =>
  Buffer.from(`${userId}##${appId}`, "utf8").toString("base64");

function parseInstallationId(id: string): { userId: string; appId: string } | undefined {
  const [userId, appId, ...rest] = Buffer.from(id, "base64").toString("utf8").split("##");
  return userId && appId && rest.length === 0 ? { userId, appId } : undefined;
}

/** The one-on-one chat between a user and a bot, as Teams names it. */
export const personalChatId = (userId: string, appId: string) =>
  `19:${userId.toLowerCase()}_${appId.toLowerCase()}@unq.gbl.spaces`;

export const installApp: Handler = ({ request, params, state }) => {
  allowOptions(request, []);
  const user = requireUser(state, params.id!);
  const bind = (request.body as Record<string, unknown> | null)?.["teamsApp@odata.bind"];
  const match = typeof bind === "string" ? BIND.exec(bind) : null;
  if (match === null) {
    throw badRequest("The request body must bind teamsApp@odata.bind to an appCatalogs/teamsApps/{id} URL.");
  }
  const appId = decodeURIComponent(match[1]!).toLowerCase();
  const installed = state.installedApps.get(user.id) ?? new Set<string>();
  if (installed.has(appId)) {
    throw new SimulatorHttpError(409, "Conflict", "App is already installed for this user.");
  }
  installed.add(appId);
  state.installedApps.set(user.id, installed);
  return { status: 201 };
};

export const listInstalledApps: Handler = ({ request, params, state }) => {
  allowOptions(request, ["$expand", "$filter"]);
  const user = requireUser(state, params.id!);
  const expand = request.query.get("$expand");
  if (
    expand !== null &&
    expand !== "teamsApp" &&
    expand !== "teamsAppDefinition" &&
    expand !== "teamsApp,teamsAppDefinition"
  ) {
    throw badRequest(
      `Parsing OData Select and Expand failed: Could not find a property named '${expand}' on type 'microsoft.graph.userScopeTeamsAppInstallation'.`,
    );
  }
  const text = request.query.get("$filter");
  const clauses = text === null ? [] : parseEqClauses(text, ["teamsApp/id", "teamsApp/externalId"], "or");
  const apps = [...(state.installedApps.get(user.id) ?? [])].filter(
    (appId) => clauses.length === 0 || clauses.some((clause) => clause.value.toLowerCase() === appId),
  );
  const value = apps.map((appId) => ({
    id: installationId(user.id, appId),
    ...(expand?.includes("teamsApp")
      ? {
          teamsApp: {
            id: appId,
            externalId: appId,
            displayName: "MFA Ready",
            distributionMethod: "organization",
          },
        }
      : {}),
  }));
  return {
    status: 200,
    body: { "@odata.context": contextUrl(request, `users('${params.id}')/teamwork/installedApps`), value },
  };
};

export const getInstallationChat: Handler = ({ request, params, state }) => {
  allowOptions(request, ["$select"]);
  const user = requireUser(state, params.id!);
  const parsed = parseInstallationId(params.installationId!);
  if (
    parsed === undefined ||
    parsed.userId !== user.id ||
    !state.installedApps.get(user.id)?.has(parsed.appId)
  ) {
    throw notFound(params.installationId!, "NotFound");
  }
  return {
    status: 200,
    body: {
      "@odata.context": contextUrl(
        request,
        `users('${params.id}')/teamwork/installedApps('${params.installationId}')/chat/$entity`,
      ),
      id: personalChatId(user.id, parsed.appId),
      topic: null,
      chatType: "oneOnOne",
      webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(personalChatId(user.id, parsed.appId))}/0`,
      tenantId: state.tenant.id,
    },
  };
};
