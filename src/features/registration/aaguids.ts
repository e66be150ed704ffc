import type { TFunction } from "i18next";

import { textsOf } from "./texts";

/**
 * Well-known authenticator models by AAGUID, so key restrictions and registered keys read as models
 * rather than GUIDs. Sources: the vendors' published AAGUID lists and the FIDO Metadata Service; an
 * AAGUID not listed here is shown as it is.
 */
export const KNOWN_AAGUIDS: Readonly<Record<string, string>> = {
  "90a3ccdf-635c-4729-a248-9b709135078f": "Microsoft Authenticator (iOS)",
  "de1e552d-db1d-4423-a619-566b625cdc84": "Microsoft Authenticator (Android)",
  "cb69481e-8ff7-4039-93ec-0a2729a154a8": "YubiKey 5 Series",
  "ee882879-721c-4913-9775-3dfcce97072a": "YubiKey 5 Series",
  "fa2b99dc-9e39-4257-8f92-4a30d23c4118": "YubiKey 5 Series with NFC",
  "2fc0579f-8113-47ea-b116-bb5a8db9202a": "YubiKey 5 Series with NFC",
  "c5ef55ff-ad9a-4b9f-b580-adebafe026d0": "YubiKey 5Ci",
  "73bb0cd4-e502-49b8-9c6f-b59445bf720b": "YubiKey 5 FIPS Series",
  "d8522d9f-575b-4866-88a9-ba99fa02f35b": "YubiKey Bio Series",
  "f8a011f3-8c0a-4d15-8006-17111f9edc7d": "Security Key by Yubico",
  "149a2021-8ef6-4133-96b8-81f8d5b7f1f5": "Security Key NFC by Yubico",
  "42b4fb4a-2866-43b2-9bf7-6c6669c2e5d3": "Google Titan Security Key v2",
  "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4": "Google Password Manager",
  "fbfc3007-154e-4ecc-8c0b-6e020557d7bd": "Apple iCloud Keychain",
  "08987058-cadc-4b81-b6e1-30de50dcbe96": "Windows Hello",
  "6028b017-b1d4-4c02-b4b3-afcdafc96bb2": "Windows Hello",
};

/** "YubiKey 5 Series" (vendors' own names), or the AAGUID itself when the model is not known here. */
export function keyModelName(aaguid: string, t: TFunction = textsOf().t): string {
  const id = aaguid.trim().toLowerCase();
  return KNOWN_AAGUIDS[id] ?? t("registration.policy.unlistedModel", { aaguid: id });
}

/** Distinct model names for a list of AAGUIDs, in the order given. */
export function keyModelNames(aaguids: readonly string[], t?: TFunction): string[] {
  return [...new Set(aaguids.map((aaguid) => keyModelName(aaguid, t)))];
}
