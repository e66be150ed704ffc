import { readFileSync } from "node:fs";

import type { ZodIssue } from "zod";

import type { TenantSnapshot } from "./graph-types";
import { jsonType, SnapshotError, SnapshotProblem, toJsonPath } from "./snapshot-error";
import { checkItems, matchesItem } from "./snapshot-items";
import {
  groupSpec,
  methodConfigurationSpec,
  methodSpec,
  registrationSpec,
  roleAssignmentSpec,
  signInSpec,
  snapshotTopLevel,
  userSpec,
} from "./snapshot-schema";

export { SnapshotError } from "./snapshot-error";

/** Reads and validates a tenant snapshot file; throws a SnapshotError naming the file, the JSONPath and the problem. */
export function loadSnapshot(file: string): TenantSnapshot {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SnapshotError(file, "$", `cannot read the file (${code ?? (error as Error).message})`);
  }
  return parseSnapshot(text, file);
}

/** Parses and validates snapshot text; `file` only names the source in errors. */
export function parseSnapshot(text: string, file: string): TenantSnapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(file, "$", `not valid JSON (${(error as Error).message})`);
  }
  try {
    return validateSnapshot(raw);
  } catch (error) {
    if (error instanceof SnapshotProblem) {
      throw new SnapshotError(file, error.jsonPath, error.problem);
    }
    throw error;
  }
}

function describe(issue: ZodIssue): string {
  if (issue.code === "invalid_type") {
    return issue.received === "undefined"
      ? "required key is missing"
      : `expected ${issue.expected}, got ${issue.received}`;
  }
  return issue.message;
}

/** Checks an already parsed value; throws SnapshotProblem. The result is the input itself, not a copy. */
export function validateSnapshot(raw: unknown): TenantSnapshot {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new SnapshotProblem("$", `expected an object, got ${jsonType(raw)}`);
  }
  const top = snapshotTopLevel.safeParse(raw);
  if (!top.success) {
    const issue = top.error.issues[0]!;
    throw new SnapshotProblem(toJsonPath(issue.path), describe(issue));
  }
  const snapshot = raw as TenantSnapshot;
  checkItems(snapshot.users, userSpec, "$.users");
  if (snapshot.userRegistrationDetails !== undefined) {
    checkItems(snapshot.userRegistrationDetails, registrationSpec, "$.userRegistrationDetails");
  }
  if (snapshot.authenticationMethods !== undefined) {
    for (const userId in snapshot.authenticationMethods) {
      const methods = snapshot.authenticationMethods[userId];
      if (!Array.isArray(methods) || !methods.every((method) => matchesItem(method, methodSpec))) {
        checkItems(methods, methodSpec, toJsonPath(["authenticationMethods", userId]));
      }
    }
  }
  if (snapshot.signIns !== undefined) {
    checkItems(snapshot.signIns, signInSpec, "$.signIns");
  }
  if (snapshot.roleAssignments !== undefined) {
    checkItems(snapshot.roleAssignments, roleAssignmentSpec, "$.roleAssignments");
  }
  if (snapshot.groups !== undefined) {
    checkItems(snapshot.groups, groupSpec, "$.groups");
  }
  if (snapshot.authenticationMethodsPolicy !== undefined) {
    const configurations = snapshot.authenticationMethodsPolicy.authenticationMethodConfigurations;
    checkItems(
      configurations,
      methodConfigurationSpec,
      "$.authenticationMethodsPolicy.authenticationMethodConfigurations",
    );
  }
  return snapshot;
}
