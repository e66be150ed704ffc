import type { Directory } from "../../directory/directory";
import type { ProductTenantSettings } from "../../directory/graph-types";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The emergency access accounts' object ids: listed by UPN, or through a listed group (rule 5). */
export async function breakGlassAccountIds(
  directory: Pick<Directory, "getUser" | "listGroupMembers">,
  settings: ProductTenantSettings,
): Promise<string[]> {
  const ids = new Set<string>();
  for (const entry of settings.breakGlassAccounts) {
    if (GUID.test(entry)) {
      for await (const member of directory.listGroupMembers(entry)) {
        ids.add(member.toLowerCase());
      }
    } else {
      const user = await directory.getUser(entry);
      if (user !== undefined) {
        ids.add(user.id.toLowerCase());
      }
    }
  }
  return [...ids].sort();
}
