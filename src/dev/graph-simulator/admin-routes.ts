import type { AuthenticationMethod, UnifiedRoleAssignment } from "../../directory/graph-types";
import type { NewSignIn, NewWorkloadSignIn, SimulatorAdmin } from "./admin";
import { AdminError } from "./admin";
import type { SimulatorStats } from "./dispatch";
import type { FaultRule } from "./faults";
import type { SimRequest, SimResponse } from "./types";

type AdminRoute = [
  method: string,
  pattern: RegExp,
  run: (admin: SimulatorAdmin, p: string[], body: never) => SimResponse,
];

const created = (body: unknown): SimResponse => ({ status: 201, body });
const gone = (found: boolean): SimResponse =>
  found ? { status: 204 } : { status: 404, body: { error: { code: "NotFound", message: "no such item" } } };

/** The simulator's own setup API under /_simulator/ (not part of Graph). */
const ADMIN_ROUTES: AdminRoute[] = [
  [
    "POST",
    /^\/_simulator\/users\/([^/]+)\/authentication\/methods$/,
    (a, [u], b: AuthenticationMethod) => created(a.addMethod(u!, b)),
  ],
  [
    "DELETE",
    /^\/_simulator\/users\/([^/]+)\/authentication\/methods\/([^/]+)$/,
    (a, [u, m]) => gone(a.removeMethod(u!, m!)),
  ],
  [
    "PUT",
    /^\/_simulator\/users\/([^/]+)\/certificateUserIds$/,
    (a, [u], b: { certificateUserIds: string[] }) => {
      a.setCertificateUserIds(u!, b?.certificateUserIds);
      return { status: 204 };
    },
  ],
  ["POST", /^\/_simulator\/signIns$/, (a, _p, b: NewSignIn) => created(a.addSignIn(b))],
  [
    "POST",
    /^\/_simulator\/workloadSignIns$/,
    (a, _p, b: NewWorkloadSignIn) => created(a.addWorkloadSignIn(b)),
  ],
  [
    "POST",
    /^\/_simulator\/roleAssignments$/,
    (a, _p, b: UnifiedRoleAssignment) => created(a.addRoleAssignment(b)),
  ],
  ["DELETE", /^\/_simulator\/roleAssignments\/([^/]+)$/, (a, [id]) => gone(a.removeRoleAssignment(id!))],
  [
    "POST",
    /^\/_simulator\/faults$/,
    (a, _p, b: FaultRule) => {
      a.injectFault(b);
      return { status: 204 };
    },
  ],
  [
    "DELETE",
    /^\/_simulator\/faults$/,
    (a) => {
      a.clearFaults();
      return { status: 204 };
    },
  ],
];

export function handleAdmin(admin: SimulatorAdmin, stats: SimulatorStats, request: SimRequest): SimResponse {
  if (request.method === "GET" && request.path === "/_simulator/stats") {
    return { status: 200, body: stats };
  }
  for (const [method, pattern, run] of ADMIN_ROUTES) {
    const match = pattern.exec(request.path);
    if (match !== null && method === request.method) {
      try {
        return run(
          admin,
          match.slice(1).map((part) => decodeURIComponent(part)),
          (request.body ?? {}) as never,
        );
      } catch (error) {
        if (error instanceof AdminError) {
          return {
            status: error.status,
            body: {
              error: { code: error.status === 404 ? "NotFound" : "BadRequest", message: error.message },
            },
          };
        }
        throw error;
      }
    }
  }
  return {
    status: 404,
    body: {
      error: { code: "NotFound", message: `no simulator admin route ${request.method} ${request.path}` },
    },
  };
}
