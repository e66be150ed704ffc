/**
 * The UPN getSummarizedNonInteractiveSignIns carries for a user, lower case: a B2B guest's home UPN, not
 * its `#EXT#` one (adele_fabrikam.com#EXT#@contoso.onmicrosoft.com -> adele@fabrikam.com).
 */
export function homeUpn(upn: string): string {
  const lower = upn.toLowerCase();
  const ext = lower.indexOf("#ext#");
  if (ext === -1) {
    return lower;
  }
  const local = lower.slice(0, ext);
  const at = local.lastIndexOf("_");
  return at === -1 ? local : `${local.slice(0, at)}@${local.slice(at + 1)}`;
}

/** Every name a summarised row may carry for this user: the UPN, the home UPN and the mail, lower case. */
export function summaryKeysOf(user: { userPrincipalName: string; mail?: string | null }): string[] {
  const keys = new Set([user.userPrincipalName.toLowerCase(), homeUpn(user.userPrincipalName)]);
  if (typeof user.mail === "string" && user.mail !== "") {
    keys.add(user.mail.toLowerCase());
  }
  return [...keys];
}
