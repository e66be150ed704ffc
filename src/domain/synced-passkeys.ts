/**
 * AAGUIDs of passkey providers that sync a passkey between devices through a person's consumer cloud
 * account (DOMAIN.md "Newer values"): such a passkey is strong for its owner, but never enough for a
 * break-glass account, which needs a device-bound method. Data, beside the key-model table
 * (features/registration/aaguids.ts); sources: the providers' published AAGUIDs and the passkey AAGUID
 * list the FIDO community keeps (github.com/passkeydeveloper/passkey-authenticator-aaguids).
 */
export const SYNCED_PASSKEY_PROVIDERS: Readonly<Record<string, string>> = {
  "fbfc3007-154e-4ecc-8c0b-6e020557d7bd": "iCloud Keychain",
  "dd4ec289-e01d-41c9-bb89-70fa845d4bf2": "iCloud Keychain (managed)",
  "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4": "Google Password Manager",
  "bada5566-a7aa-401f-bd96-45619a55120d": "1Password",
  "d548826e-79b4-db40-a3d8-11116f7e8349": "Bitwarden",
  "531126d6-e717-415c-9320-3d9aa6981239": "Dashlane",
  "b84e4048-15dc-4dd0-8640-f4f60813c8af": "NordPass",
  "0ea242b4-43c4-4a1b-8b17-dd6d0b6baec6": "Keeper",
  "53414d53-554e-4700-0000-000000000000": "Samsung Pass",
  "b5397666-4885-aa6b-cebf-e52262a439a2": "Chromium Browser",
};

/** The provider's name when this AAGUID is a synced-passkey provider, else undefined. */
export function syncedProvider(aaguid: unknown): string | undefined {
  return typeof aaguid === "string" ? SYNCED_PASSKEY_PROVIDERS[aaguid.trim().toLowerCase()] : undefined;
}
