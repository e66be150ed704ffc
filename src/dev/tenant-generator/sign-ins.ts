import type { SignIn } from "../../directory/graph-types";
import { AZURE_SERVICE_MANAGEMENT_RESOURCE_ID, IN_SCOPE_APPS } from "../../domain/apps";
import type { Random } from "./random";
import { DAY_MS, isoSeconds } from "./random";

const GRAPH_RESOURCE = "00000003-0000-0000-c000-000000000000";
const appName = (appId: string) => IN_SCOPE_APPS.find((app) => app.appId === appId)!.name;
const inScope = (index: number) => IN_SCOPE_APPS[index]!.appId;

/** Client apps the demo's sign-ins use: the in-scope ones (domain/apps.ts) plus two that are not. */
export const APPS = {
  portal: {
    appId: inScope(0),
    appDisplayName: "Azure Portal",
    resourceId: AZURE_SERVICE_MANAGEMENT_RESOURCE_ID,
    client: "Browser",
  },
  m365admin: {
    appId: inScope(1),
    appDisplayName: appName(inScope(1)),
    resourceId: GRAPH_RESOURCE,
    client: "Browser",
  },
  cli: {
    appId: inScope(2),
    appDisplayName: "Microsoft Azure CLI",
    resourceId: AZURE_SERVICE_MANAGEMENT_RESOURCE_ID,
    client: "Mobile Apps and Desktop clients",
  },
  powershell: {
    appId: inScope(3),
    appDisplayName: "Microsoft Azure PowerShell",
    resourceId: AZURE_SERVICE_MANAGEMENT_RESOURCE_ID,
    client: "Mobile Apps and Desktop clients",
  },
  mobile: {
    appId: inScope(4),
    appDisplayName: "Azure Mobile App",
    resourceId: AZURE_SERVICE_MANAGEMENT_RESOURCE_ID,
    client: "Mobile Apps and Desktop clients",
  },
  /** A line-of-business deployment tool calling Azure Resource Manager directly: phase 2 by resource id. */
  rest: {
    appId: "3c1f7e2a-5b6d-4e8f-9a0b-1c2d3e4f5a6b",
    appDisplayName: "Contoso Deploy Pipeline",
    resourceId: AZURE_SERVICE_MANAGEMENT_RESOURCE_ID,
    client: "Mobile Apps and Desktop clients",
  },
  teams: {
    appId: "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
    appDisplayName: "Microsoft Teams",
    resourceId: GRAPH_RESOURCE,
    client: "Mobile Apps and Desktop clients",
  },
  office: {
    appId: "4765445b-32c6-49b0-83e6-1d93765276ca",
    appDisplayName: "OfficeHome",
    resourceId: GRAPH_RESOURCE,
    client: "Browser",
  },
} as const;

export type AppKey = keyof typeof APPS;

export interface Activity {
  app: AppKey;
  /** Days before capturedAt, one sign-in each (fractions allowed); over 30 is outside the window. */
  daysAgo: number[];
  /** 0 (default), 50126 (bad password), 50074/50076 (MFA required)… */
  errorCode?: number;
  protocol?: "none" | "deviceCode" | "ropc" | "authorizationCode";
  interactive?: boolean;
  mfa?: boolean;
}

const FAILURE_REASONS: Record<number, string> = {
  50126: "Error validating credentials due to invalid username or password.",
  50074: "Strong Authentication is required.",
  50076:
    "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.",
};

export function buildSignIns(
  user: { id: string; userPrincipalName: string; displayName: string },
  activity: Activity,
  random: Random,
  capturedAt: number,
): SignIn[] {
  const app = APPS[activity.app];
  const errorCode = activity.errorCode ?? 0;
  return activity.daysAgo.map((days) => ({
    id: random.uuid(),
    createdDateTime: isoSeconds(capturedAt - Math.round(days * DAY_MS)),
    userId: user.id,
    userPrincipalName: user.userPrincipalName,
    userDisplayName: user.displayName,
    appId: app.appId,
    appDisplayName: app.appDisplayName,
    resourceId: app.resourceId,
    isInteractive: activity.interactive ?? activity.protocol !== "ropc",
    authenticationProtocol: activity.protocol ?? (app.client === "Browser" ? "none" : "authorizationCode"),
    authenticationRequirement: activity.mfa ? "multiFactorAuthentication" : "singleFactorAuthentication",
    clientAppUsed: app.client,
    status:
      errorCode === 0
        ? { errorCode: 0 }
        : { errorCode, failureReason: FAILURE_REASONS[errorCode] ?? "Sign-in failed." },
  }));
}
