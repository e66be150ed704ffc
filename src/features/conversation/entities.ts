/**
 * The details a message names: a method, a tool and from it the phase, a user principal name, a number
 * of days ("remind me in 3 days").
 */
import type { Entities, Method, Tool } from "./intents";
import { METHODS } from "./intents";
import type { PhraseMatch } from "./phrase-matcher";

/** Phase 1 covers the admin portals; everything that writes through Azure Resource Manager is phase 2. */
// prettier-ignore
const PHASE_OF_TOOL: Readonly<Record<Tool, 1 | 2>> = {
  portal: 1, cli: 2, powershell: 2, mobile: 2, terraform: 2, bicep: 2, sdk: 2, rest: 2,
};

// prettier-ignore
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, couple: 2, few: 3,
};

const UPN =
  /[A-Za-z0-9][A-Za-z0-9._%+'-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/;

export function extractEntities(
  markupFree: string,
  normalised: string,
  matches: readonly PhraseMatch[],
): Entities {
  const entities: Entities = {};
  const method = strongestMethod(matches);
  if (method) {
    entities.method = method;
  }
  const tool = matches.find((match) => match.phrase.target.kind === "tool")?.phrase.target;
  if (tool?.kind === "tool") {
    entities.tool = tool.tool;
  }
  const phase = explicitPhase(normalised) ?? (entities.tool ? PHASE_OF_TOOL[entities.tool] : undefined);
  if (phase) {
    entities.phase = phase;
  }
  const upn = markupFree.includes("@") ? UPN.exec(markupFree)?.[0] : undefined;
  if (upn) {
    entities.upn = upn.toLowerCase();
  }
  const days = daysIn(normalised);
  if (days !== undefined) {
    entities.days = days;
  }
  return entities;
}

function strongestMethod(matches: readonly PhraseMatch[]): Method | undefined {
  const evidence = new Map<Method, number>();
  for (const { phrase } of matches) {
    if (phrase.target.kind === "method") {
      evidence.set(phrase.target.method, (evidence.get(phrase.target.method) ?? 0) + phrase.weight);
    }
  }
  let best: Method | undefined;
  for (const method of METHODS) {
    if ((evidence.get(method) ?? 0) > (best ? (evidence.get(best) ?? 0) : 0)) {
      best = method;
    }
  }
  return best;
}

function explicitPhase(normalised: string): 1 | 2 | undefined {
  if (!normalised.includes("phase")) {
    return undefined;
  }
  const said = /\bphase ?(1|2|one|two|ii)\b/.exec(normalised)?.[1];
  if (said === undefined) {
    return undefined;
  }
  return said === "1" || said === "one" ? 1 : 2;
}

function daysIn(normalised: string): number | undefined {
  if (!normalised.includes("day") && !normalised.includes("week")) {
    return undefined;
  }
  const said = /\b(\d{1,4}|[a-z]+)(?: of)? (day|days|week|weeks)\b/.exec(normalised);
  if (!said) {
    return undefined;
  }
  const count = /^\d+$/.test(said[1] ?? "") ? Number(said[1]) : NUMBER_WORDS[said[1] ?? ""];
  if (count === undefined) {
    return undefined;
  }
  const days = said[2]?.startsWith("week") ? count * 7 : count;
  return days >= 1 && days <= 365 ? days : undefined;
}

// prettier-ignore
const REPORT_WORDS: ReadonlyArray<[NonNullable<Entities["reportOption"]>, ReadonlySet<string>]> = [
  ["unsubscribe", new Set(["unsubscribe", "stop", "abbestellen", "abmelden", "desabonner", "desinscrire", "cancelar", "停止", "解除"])],
  ["subscribe", new Set(["subscribe", "daily", "taglich", "taglicher", "abonnieren", "quotidien", "abonner", "diario", "suscribirme", "毎日", "日次レポート"])],
  ["csv", new Set(["csv", "export", "download", "spreadsheet", "excel", "exportieren", "herunterladen", "exporter", "telecharger", "exportar", "descargar", "エクスポート", "ダウンロード", "エクセル"])],
  ["fresh", new Set(["fresh", "again", "rescan", "aktualisieren", "actualiser", "actualizar", "更新"])],
];

/** What a report request asks for beyond the report ("… csv", "… fresh", "stop the daily report"), first match wins. */
export function reportOptionIn(words: readonly string[]): Entities["reportOption"] {
  const said = new Set(words);
  const phrase = words.join(" ");
  for (const [option, cues] of REPORT_WORDS) {
    if (
      [...cues].some((cue) => said.has(cue)) ||
      (option === "subscribe" && phrase.includes("every day")) ||
      (option === "fresh" && phrase.includes("new scan"))
    ) {
      return option;
    }
  }
  return undefined;
}
