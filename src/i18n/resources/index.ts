/**
 * The resource files, one per language and area (common, status, registration, postponement, report,
 * broadcast, turn: what the bot says about a turn itself), imported so that they are part of the build. Each area's file holds its own top-level keys
 * (named after the area) and its cards' strings under `cards.<template>`; i18n.ts merges them deeply.
 */
import deBroadcast from "./de/broadcast.json";
import deCommon from "./de/common.json";
import dePostponement from "./de/postponement.json";
import deRegistration from "./de/registration.json";
import deReport from "./de/report.json";
import deStatus from "./de/status.json";
import deTurn from "./de/turn.json";
import enBroadcast from "./en/broadcast.json";
import enCommon from "./en/common.json";
import enPostponement from "./en/postponement.json";
import enRegistration from "./en/registration.json";
import enReport from "./en/report.json";
import enStatus from "./en/status.json";
import enTurn from "./en/turn.json";
import esBroadcast from "./es/broadcast.json";
import esCommon from "./es/common.json";
import esPostponement from "./es/postponement.json";
import esRegistration from "./es/registration.json";
import esReport from "./es/report.json";
import esStatus from "./es/status.json";
import esTurn from "./es/turn.json";
import frBroadcast from "./fr/broadcast.json";
import frCommon from "./fr/common.json";
import frPostponement from "./fr/postponement.json";
import frRegistration from "./fr/registration.json";
import frReport from "./fr/report.json";
import frStatus from "./fr/status.json";
import frTurn from "./fr/turn.json";
import jaBroadcast from "./ja/broadcast.json";
import jaCommon from "./ja/common.json";
import jaPostponement from "./ja/postponement.json";
import jaRegistration from "./ja/registration.json";
import jaReport from "./ja/report.json";
import jaStatus from "./ja/status.json";
import jaTurn from "./ja/turn.json";

export const RESOURCE_FILES = {
  en: [enCommon, enStatus, enRegistration, enPostponement, enReport, enBroadcast, enTurn],
  de: [deCommon, deStatus, deRegistration, dePostponement, deReport, deBroadcast, deTurn],
  fr: [frCommon, frStatus, frRegistration, frPostponement, frReport, frBroadcast, frTurn],
  es: [esCommon, esStatus, esRegistration, esPostponement, esReport, esBroadcast, esTurn],
  ja: [jaCommon, jaStatus, jaRegistration, jaPostponement, jaReport, jaBroadcast, jaTurn],
} as const;
