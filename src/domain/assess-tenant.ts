import { assess, prepareTenant } from "./assess";
import type { TenantFacts, UserFacts } from "./facts";
import type { Verdict } from "./verdict";

/** A whole tenant's inputs: shared facts, the end of the window, and each user's facts (lazily). */
export interface TenantInput {
  tenant: TenantFacts;
  capturedAt: Date;
  users(): Iterable<UserFacts>;
}

export interface AssessTenantOptions {
  lookbackDays?: number;
  /** Only this user (UPN, case-insensitive, or object id). */
  user?: string;
}

/** Every user's verdict, one at a time; the window ends at the input's capturedAt. */
export function* assessTenant(input: TenantInput, options: AssessTenantOptions = {}): Generator<Verdict> {
  const prepared = prepareTenant(input.tenant);
  const wanted = options.user?.toLowerCase();
  for (const facts of input.users()) {
    if (
      wanted !== undefined &&
      facts.user.userPrincipalName.toLowerCase() !== wanted &&
      facts.user.id.toLowerCase() !== wanted
    ) {
      continue;
    }
    yield assess(facts, prepared, input.capturedAt, { lookbackDays: options.lookbackDays });
  }
}
