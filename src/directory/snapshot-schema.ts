import { z } from "zod";

import type { ItemSpec } from "./snapshot-items";

/**
 * What a tenant snapshot must hold (shared/TENANT-SNAPSHOT.md). Required: capturedAt, tenant, settings and
 * users with id and userPrincipalName. Every other key is optional (missing = could not be read) and, when
 * present, checked by type. Graph answers null for an unset property, so optional fields may be null.
 */

const isoDate = z
  .string()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)),
    "expected an ISO date",
  );

/**
 * Only "is an array" / "is an object" for the big collections: zod would copy 100k+ items, and the lean
 * checkers in snapshot-items.ts look at each item anyway.
 */
const anArray = z.custom<unknown[]>((value) => Array.isArray(value), "expected an array");
const anObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  "expected an object",
);

/** The small top level, checked by zod; the big arrays are only checked to be arrays here. */
export const snapshotTopLevel = z.object({
  capturedAt: isoDate,
  tenant: z.object({ id: z.string(), displayName: z.string(), premium: z.boolean() }),
  settings: z.object({ breakGlassAccounts: z.array(z.string()), serviceAccounts: z.array(z.string()) }),
  users: anArray,
  userRegistrationDetails: anArray.optional(),
  authenticationMethods: anObject.optional(),
  signIns: anArray.optional(),
  roleAssignments: anArray.optional(),
  groups: anArray.optional(),
  authenticationMethodsPolicy: z
    .object({ authenticationMethodConfigurations: z.array(z.unknown()) })
    .passthrough()
    .optional(),
  portalServicesSettings: z
    .object({ properties: z.object({}).passthrough() })
    .passthrough()
    .optional(),
});

export const userSpec: ItemSpec = {
  id: { kind: "string", required: true },
  userPrincipalName: { kind: "string", required: true },
  displayName: { kind: "string" },
  mail: { kind: "string" },
  userType: { kind: "string" },
  accountEnabled: { kind: "boolean" },
  authorizationInfo: { kind: "object", fields: { certificateUserIds: { kind: "stringArray" } } },
  signInActivity: {
    kind: "object",
    fields: { lastSignInDateTime: { kind: "date" }, lastNonInteractiveSignInDateTime: { kind: "date" } },
  },
};

export const registrationSpec: ItemSpec = {
  id: { kind: "string", required: true },
  userPrincipalName: { kind: "string" },
  userType: { kind: "string" },
  isAdmin: { kind: "boolean" },
  methodsRegistered: { kind: "stringArray", required: true },
};

export const methodSpec: ItemSpec = {
  "@odata.type": { kind: "string", required: true },
  id: { kind: "string", required: true },
  displayName: { kind: "string" },
};

export const signInSpec: ItemSpec = {
  id: { kind: "string" },
  createdDateTime: { kind: "date", required: true },
  userId: { kind: "string", required: true },
  userPrincipalName: { kind: "string" },
  appId: { kind: "string", required: true },
  appDisplayName: { kind: "string" },
  resourceId: { kind: "string" },
  isInteractive: { kind: "boolean" },
  signInEventTypes: { kind: "stringArray" },
  authenticationProtocol: { kind: "string" },
  status: { kind: "object", fields: { errorCode: { kind: "number" } } },
};

export const roleAssignmentSpec: ItemSpec = {
  principalId: { kind: "string", required: true },
  roleDefinitionId: { kind: "string", required: true },
};

export const groupSpec: ItemSpec = {
  id: { kind: "string", required: true },
  displayName: { kind: "string" },
  members: { kind: "stringArray", required: true },
};

const targetSpec: ItemSpec = {
  targetType: { kind: "string" },
  id: { kind: "string", required: true },
};

export const methodConfigurationSpec: ItemSpec = {
  id: { kind: "string", required: true },
  state: { kind: "string", required: true },
  includeTargets: { kind: "objectArray", fields: targetSpec },
  excludeTargets: { kind: "objectArray", fields: targetSpec },
};
