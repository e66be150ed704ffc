import { randomUUID } from "node:crypto";

import type { AuthenticationMethod, SignIn, UnifiedRoleAssignment } from "../../directory/graph-types";
import type { FaultInjector, FaultRule } from "./faults";
import type { TenantState } from "./tenant-state";

/** A setup change the tenant cannot take (unknown user, data the snapshot does not hold). */
export class AdminError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
    this.name = "AdminError";
  }
}

/** A method to add; id and createdDateTime are filled in when absent. */
export interface NewMethod {
  "@odata.type": string;
  id?: string;
  [property: string]: unknown;
}

export type NewSignIn = Partial<SignIn> & Pick<SignIn, "userId" | "appId">;

/**
 * A workload identity's sign-in to add (not a user's: the snapshot format holds user sign-ins only). appId is
 * the identity's own app id; the resource defaults to Azure Resource Manager, the kind to servicePrincipal.
 */
export interface NewWorkloadSignIn {
  appId: string;
  kind?: "servicePrincipal" | "managedIdentity";
  servicePrincipalId?: string;
  servicePrincipalName?: string;
  resourceId?: string;
  resourceDisplayName?: string;
  createdDateTime?: string;
  clientCredentialType?: string;
  status?: SignIn["status"];
}

const ARM = { id: "797f4846-ba00-4fd7-ba43-dac1f8f63013", name: "Windows Azure Service Management API" };
const WORKLOAD_KINDS = new Set(["servicePrincipal", "managedIdentity"]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Changes to the served tenant, for tests and demos: in process through this handle, or over HTTPS
 * under /_simulator/ (admin-routes.ts). Writes take effect on the next Graph request.
 */
export class SimulatorAdmin {
  constructor(
    private readonly state: TenantState,
    private readonly faults: FaultInjector,
    private readonly now: () => number,
  ) {}

  private userId(idOrUpn: string): string {
    const user = this.state.user(idOrUpn);
    if (user === undefined) {
      throw new AdminError(404, `no user '${idOrUpn}' in the tenant`);
    }
    return user.id;
  }

  addMethod(userIdOrUpn: string, method: NewMethod): AuthenticationMethod {
    const methods = this.state.methodsOf(this.userId(userIdOrUpn));
    if (methods === undefined) {
      throw new AdminError(400, "the snapshot holds no authenticationMethods");
    }
    if (typeof method["@odata.type"] !== "string" || !method["@odata.type"].startsWith("#microsoft.graph.")) {
      throw new AdminError(
        400,
        "a method needs an @odata.type like #microsoft.graph.fido2AuthenticationMethod",
      );
    }
    const added: AuthenticationMethod = {
      ...method,
      id: typeof method.id === "string" ? method.id : randomUUID(),
      createdDateTime:
        typeof method.createdDateTime === "string"
          ? method.createdDateTime
          : new Date(this.now()).toISOString(),
    };
    methods.push(added);
    return added;
  }

  /** True when the method was there. */
  removeMethod(userIdOrUpn: string, methodId: string): boolean {
    const methods = this.state.methodsOf(this.userId(userIdOrUpn)) ?? [];
    const at = methods.findIndex((method) => method.id === methodId);
    if (at !== -1) {
      methods.splice(at, 1);
    }
    return at !== -1;
  }

  addSignIn(signIn: NewSignIn): SignIn {
    const user = this.state.user(this.userId(signIn.userId))!;
    const added: SignIn = {
      id: randomUUID(),
      createdDateTime: new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, "Z"),
      userPrincipalName: user.userPrincipalName,
      userDisplayName: user.displayName ?? null,
      isInteractive: true,
      authenticationProtocol: "none",
      authenticationRequirement: "singleFactorAuthentication",
      status: { errorCode: 0 },
      ...signIn,
      userId: user.id,
    };
    if (Number.isNaN(Date.parse(added.createdDateTime))) {
      throw new AdminError(400, "createdDateTime must be an ISO 8601 date and time");
    }
    this.state.addSignIn(added);
    return added;
  }

  /**
   * A service principal's or managed identity's sign-in, shaped as beta returns it: no user, the identity's
   * appId and servicePrincipalId, signInEventTypes naming its kind. Only beta's signInEventTypes filter shows it.
   */
  addWorkloadSignIn(body: NewWorkloadSignIn): SignIn {
    const kind = body.kind ?? "servicePrincipal";
    if (typeof body.appId !== "string" || !GUID.test(body.appId)) {
      throw new AdminError(400, "appId must be the workload identity's application (client) id, a GUID");
    }
    if (!WORKLOAD_KINDS.has(kind)) {
      throw new AdminError(400, "kind must be servicePrincipal or managedIdentity");
    }
    const name = body.servicePrincipalName ?? `workload-${body.appId.slice(0, 8)}`;
    const added: SignIn = {
      id: randomUUID(),
      createdDateTime: body.createdDateTime ?? new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, "Z"),
      userId: "",
      userPrincipalName: null,
      userDisplayName: null,
      appId: body.appId,
      appDisplayName: name,
      servicePrincipalId: body.servicePrincipalId ?? randomUUID(),
      servicePrincipalName: name,
      resourceId: body.resourceId ?? ARM.id,
      resourceDisplayName: body.resourceDisplayName ?? (body.resourceId === undefined ? ARM.name : null),
      isInteractive: false,
      signInEventTypes: [kind],
      clientCredentialType:
        body.clientCredentialType ?? (kind === "managedIdentity" ? "managedIdentity" : "certificate"),
      authenticationProtocol: "none",
      authenticationRequirement: "singleFactorAuthentication",
      status: body.status ?? { errorCode: 0 },
    };
    if (Number.isNaN(Date.parse(added.createdDateTime))) {
      throw new AdminError(400, "createdDateTime must be an ISO 8601 date and time");
    }
    this.state.addSignIn(added);
    return added;
  }

  addRoleAssignment(assignment: Omit<UnifiedRoleAssignment, "id"> & { id?: string }): UnifiedRoleAssignment {
    if (this.state.roleAssignments === undefined) {
      throw new AdminError(400, "the snapshot holds no roleAssignments");
    }
    const added: UnifiedRoleAssignment = {
      directoryScopeId: "/",
      ...assignment,
      id: assignment.id ?? randomUUID(),
      principalId: this.userId(assignment.principalId),
    };
    this.state.roleAssignments.push(added);
    return added;
  }

  removeRoleAssignment(id: string): boolean {
    const list = this.state.roleAssignments ?? [];
    const at = list.findIndex((assignment) => assignment.id === id);
    if (at !== -1) {
      list.splice(at, 1);
    }
    return at !== -1;
  }

  setCertificateUserIds(userIdOrUpn: string, certificateUserIds: string[]): void {
    if (
      !Array.isArray(certificateUserIds) ||
      !certificateUserIds.every((value) => typeof value === "string")
    ) {
      throw new AdminError(400, "certificateUserIds must be a list of strings");
    }
    const user = this.state.user(this.userId(userIdOrUpn))!;
    user.authorizationInfo = { ...user.authorizationInfo, certificateUserIds: [...certificateUserIds] };
  }

  /** Installs a Teams app for a user as an app setup policy would (no Graph request, no throttle). */
  installApp(userIdOrUpn: string, teamsAppId: string): void {
    const id = this.userId(userIdOrUpn);
    const installed = this.state.installedApps.get(id) ?? new Set<string>();
    installed.add(teamsAppId.toLowerCase());
    this.state.installedApps.set(id, installed);
  }

  /** Whether the app is installed for the user: what Teams checks before opening a chat with its bot. */
  isAppInstalled(userIdOrUpn: string, teamsAppId: string): boolean {
    const user = this.state.user(userIdOrUpn);
    return (
      user !== undefined && (this.state.installedApps.get(user.id)?.has(teamsAppId.toLowerCase()) ?? false)
    );
  }

  injectFault(rule: FaultRule): void {
    try {
      this.faults.add(rule);
    } catch (error) {
      throw new AdminError(400, (error as Error).message);
    }
  }

  clearFaults(): void {
    this.faults.clear();
  }
}
