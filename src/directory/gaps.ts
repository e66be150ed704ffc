import type { DataGap } from "../domain/facts";
import type { DirectoryError } from "./errors";

/** The data gap a DirectoryError leaves: what is missing, why, and the permission when that is the cause. */
export function gapOf(data: string, error: DirectoryError): DataGap {
  return error.permission === undefined
    ? { data, reason: error.reason }
    : { data, reason: error.reason, permission: error.permission };
}
