import { jsonType, SnapshotProblem } from "./snapshot-error";

/**
 * A lean checker for the snapshot's big arrays (users, sign-ins: 100k+ items). zod is used for the small
 * top level; per item, a plain loop over a field table is many times faster and gives the same JSONPath.
 */
export type FieldKind = "string" | "boolean" | "number" | "date" | "stringArray" | "object" | "objectArray";

export interface FieldSpec {
  kind: FieldKind;
  required?: boolean;
  /** Nested fields of an object, or of each item of an objectArray. */
  fields?: ItemSpec;
}

export type ItemSpec = Readonly<Record<string, FieldSpec>>;

const at = (path: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

function fail(path: string, expected: string, value: unknown): never {
  throw new SnapshotProblem(path, `expected ${expected}, got ${jsonType(value)}`);
}

function checkValue(value: unknown, spec: FieldSpec, path: string): void {
  switch (spec.kind) {
    case "string":
      if (typeof value !== "string") {
        fail(path, "a string", value);
      }
      return;
    case "boolean":
      if (typeof value !== "boolean") {
        fail(path, "true or false", value);
      }
      return;
    case "number":
      if (typeof value !== "number") {
        fail(path, "a number", value);
      }
      return;
    case "date":
      if (typeof value !== "string") {
        fail(path, "an ISO date string", value);
      }
      if (Number.isNaN(Date.parse(value))) {
        throw new SnapshotProblem(path, `expected an ISO date, got "${value.slice(0, 40)}"`);
      }
      return;
    case "stringArray":
      if (!Array.isArray(value)) {
        fail(path, "an array of strings", value);
      }
      for (let i = 0; i < value.length; i++) {
        if (typeof value[i] !== "string") {
          fail(`${path}[${i}]`, "a string", value[i]);
        }
      }
      return;
    case "object":
      checkObject(value, spec.fields ?? {}, path);
      return;
    case "objectArray":
      checkItems(value, spec.fields ?? {}, path);
      return;
  }
}

/** Checks one object against its field table: required fields present, present fields of the right type. */
export function checkObject(value: unknown, spec: ItemSpec, path: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(path, "an object", value);
  }
  const record = value as Record<string, unknown>;
  for (const key in spec) {
    const field = spec[key]!;
    const item = record[key];
    if (item === undefined || item === null) {
      if (field.required) {
        throw new SnapshotProblem(
          at(path, key),
          item === null ? "is required, got null" : "required key is missing",
        );
      }
      continue;
    }
    checkValue(item, field, at(path, key));
  }
}

/** The fast test: no paths built. Only an item that fails it is explained by checkObject. */
function matches(value: unknown, spec: FieldSpec): boolean {
  switch (spec.kind) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "number":
      return typeof value === "number";
    case "date":
      return typeof value === "string" && !Number.isNaN(Date.parse(value));
    case "stringArray":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    case "object":
      return matchesItem(value, spec.fields ?? {});
    case "objectArray":
      return Array.isArray(value) && value.every((item) => matchesItem(item, spec.fields ?? {}));
  }
}

export function matchesItem(value: unknown, spec: ItemSpec): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in spec) {
    const field = spec[key]!;
    const item = record[key];
    if (item === undefined || item === null ? field.required : !matches(item, field)) {
      return false;
    }
  }
  return true;
}

/** Checks an array whose items all follow one field table. */
export function checkItems(value: unknown, spec: ItemSpec, path: string): void {
  if (!Array.isArray(value)) {
    fail(path, "an array", value);
  }
  for (let i = 0; i < value.length; i++) {
    if (!matchesItem(value[i], spec)) {
      checkObject(value[i], spec, `${path}[${i}]`);
    }
  }
}
