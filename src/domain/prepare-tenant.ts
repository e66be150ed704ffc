import type { TenantFacts } from "./facts";
import type { PreparedPolicy } from "./policy";
import { preparePolicy } from "./policy";

/** Accounts named in the product's settings by UPN, user id or group id, lower-cased for lookup. */
export interface AccountList {
  upns: ReadonlySet<string>;
  ids: ReadonlySet<string>;
}

/** What every user's assessment shares, computed once per tenant rather than once per user. */
export interface PreparedTenant {
  prepared: true;
  policy: PreparedPolicy;
  breakGlass: AccountList;
  serviceAccounts: AccountList;
  dataGaps: TenantFacts["dataGaps"];
}

function accountList(entries: readonly string[]): AccountList {
  const upns = new Set<string>();
  const ids = new Set<string>();
  for (const entry of entries) {
    const value = entry.trim().toLowerCase();
    (value.includes("@") ? upns : ids).add(value);
  }
  return { upns, ids };
}

/** Rule 5 / 6: listed directly (UPN, case-insensitive, or object id) or through a listed group. */
export function isListed(
  list: AccountList,
  upn: string,
  userId: string,
  groupIds: readonly string[],
): boolean {
  return list.upns.has(upn) || list.ids.has(userId) || groupIds.some((id) => list.ids.has(id));
}

const cache = new WeakMap<TenantFacts, PreparedTenant>();

export function prepareTenant(tenant: TenantFacts): PreparedTenant {
  let prepared = cache.get(tenant);
  if (prepared === undefined) {
    prepared = {
      prepared: true,
      policy: preparePolicy(tenant.policy),
      breakGlass: accountList(tenant.settings.breakGlassAccounts),
      serviceAccounts: accountList(tenant.settings.serviceAccounts),
      dataGaps: tenant.dataGaps,
    };
    cache.set(tenant, prepared);
  }
  return prepared;
}
