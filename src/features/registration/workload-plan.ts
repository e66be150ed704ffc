import type { TFunction } from "i18next";

import type { SignIn } from "../../directory/graph-types";
import { AZURE_SERVICE_MANAGEMENT_RESOURCE_ID } from "../../domain/apps";
import { textsOf } from "./texts";

/** One thing the account runs today, and its exact replacement under a workload identity. */
export interface PlanLine {
  today: string;
  replacement: string;
}

const AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
const AZURE_POWERSHELL = "1950a258-227b-4e31-a9cf-717495945fc2";

type Tool = "cli" | "powershell" | "sdk";

const line = (tool: Tool, t: TFunction): PlanLine => ({
  today: t(`registration.plan.${tool}Today`),
  replacement: t(`registration.plan.${tool}Instead`),
});

/**
 * A tailored plan from the account's sign-ins (DOMAIN.md: ROPC scripts break, a workload identity is
 * the fix), in the reader's language. Without telling sign-ins, every replacement is listed.
 */
export function workloadPlan(signIns: readonly SignIn[] | undefined, t: TFunction = textsOf().t): PlanLine[] {
  const tools = new Set<Tool>();
  for (const signIn of signIns ?? []) {
    if (signIn.appId === AZURE_CLI) {
      tools.add("cli");
    } else if (signIn.appId === AZURE_POWERSHELL) {
      tools.add("powershell");
    } else if (
      signIn.authenticationProtocol === "ropc" ||
      signIn.resourceId === AZURE_SERVICE_MANAGEMENT_RESOURCE_ID
    ) {
      tools.add("sdk");
    }
  }
  const chosen: Tool[] = tools.size > 0 ? [...tools] : ["cli", "powershell", "sdk"];
  return chosen.map((tool) => line(tool, t));
}

/** The role assignments to copy, said plainly (the product reads directory roles, not Azure RBAC). */
export const sameRolesNote = (t: TFunction): string => t("registration.plan.sameRoles");
