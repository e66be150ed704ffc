/** A tenant snapshot that cannot be used: which file, where in it, and what is wrong (one line). */
export class SnapshotError extends Error {
  constructor(
    readonly file: string,
    /** Where the problem is, as a JSONPath like `$.users[3].userPrincipalName`; `$` for the whole file. */
    readonly jsonPath: string,
    readonly problem: string,
  ) {
    // One line, always: a parser's message may quote the offending text, newlines included.
    super(`${file}: ${jsonPath}: ${problem}`.replace(/\s*[\r\n]+\s*/g, " "));
    this.name = "SnapshotError";
  }
}

/** Thrown by the checkers, before the file name is known; turned into a SnapshotError by the loader. */
export class SnapshotProblem extends Error {
  constructor(
    readonly jsonPath: string,
    readonly problem: string,
  ) {
    super(`${jsonPath}: ${problem}`);
    this.name = "SnapshotProblem";
  }
}

/** `$.users[3]["@odata.type"]` from path segments. */
export function toJsonPath(segments: ReadonlyArray<string | number>): string {
  let out = "$";
  for (const segment of segments) {
    if (typeof segment === "number") {
      out += `[${segment}]`;
    } else if (/^[A-Za-z_$][\w$]*$/.test(segment)) {
      out += `.${segment}`;
    } else {
      out += `[${JSON.stringify(segment)}]`;
    }
  }
  return out;
}

/** "string", "number", "array", "null", … as a reader would name the JSON type. */
export function jsonType(value: unknown): string {
  if (value === null) {
    return "null";
  }
  return Array.isArray(value) ? "array" : typeof value;
}
