import type { RoleName } from "../../domain/roles";
import type { MethodKind } from "./methods";
import type { Random } from "./random";
import type { Activity, AppKey } from "./sign-ins";

const FIRST = [
  "Ada",
  "Bruno",
  "Chloe",
  "Dmitri",
  "Elena",
  "Farid",
  "Greta",
  "Hiro",
  "Ines",
  "Jonas",
  "Kira",
  "Luca",
  "Maya",
  "Nils",
  "Olivia",
  "Pavel",
  "Quincy",
  "Rosa",
  "Sami",
  "Tara",
  "Umar",
  "Vera",
  "Wim",
  "Xia",
  "Yusuf",
  "Zoe",
];
const LAST = [
  "Abbott",
  "Berg",
  "Costa",
  "Dubois",
  "Evans",
  "Fischer",
  "Garcia",
  "Hughes",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Lopez",
  "Moreau",
  "Novak",
  "Okafor",
  "Patel",
  "Quinn",
  "Rossi",
  "Schmidt",
  "Tanaka",
  "Usman",
  "Varga",
  "Weber",
  "Xu",
  "Yilmaz",
  "Zimmer",
];

/** Method mixes and how often they occur in a generated tenant (weights sum to 100). */
const METHOD_MIXES: Array<[weight: number, kinds: MethodKind[]]> = [
  [30, ["password"]],
  [28, ["password", "authenticator", "phone"]],
  [14, ["password", "phone"]],
  [8, ["password", "authenticator", "fido2"]],
  [5, ["password", "whfb", "authenticator"]],
  [5, ["password", "passkeyAuthenticator"]],
  [4, ["password", "email"]],
  [3, ["password", "softwareOath"]],
  [2, ["password", "tap"]],
  [1, ["password", "unknown"]],
];

const OCCASIONAL_ROLES: RoleName[] = [
  "helpdeskAdministrator",
  "userAdministrator",
  "securityReader",
  "reportsReader",
  "applicationAdministrator",
  "intuneAdministrator",
];
const PHASE2_APPS: AppKey[] = ["cli", "cli", "powershell", "powershell", "mobile", "rest"];

export interface FillerUser {
  displayName: string;
  upnLocal: string;
  guest: boolean;
  methods: MethodKind[];
  role?: RoleName;
  activity: Activity[];
}

function pickMethods(random: Random): MethodKind[] {
  let roll = random.next() * 100;
  for (const [weight, kinds] of METHOD_MIXES) {
    roll -= weight;
    if (roll < 0) {
      return kinds;
    }
  }
  return ["password"];
}

/** 1-3 sign-ins spread over the window, sometimes a failure or one from before the window. */
function activityFor(random: Random): Activity[] {
  const activity: Activity[] = [];
  const days = () => Array.from({ length: random.int(1, 3) }, () => Math.round(random.next() * 2950) / 100);
  if (random.chance(0.3)) {
    activity.push({ app: random.chance(0.85) ? "portal" : "m365admin", daysAgo: days() });
  }
  if (random.chance(0.15)) {
    activity.push({ app: random.pick(PHASE2_APPS), daysAgo: days() });
  }
  if (random.chance(0.05)) {
    activity.push({ app: "portal", daysAgo: [random.int(31, 60)] });
  }
  if (random.chance(0.04)) {
    activity.push({ app: "portal", daysAgo: [random.next() * 29.5], errorCode: 50126 });
  }
  if (random.chance(0.1)) {
    activity.push({ app: random.chance(0.5) ? "teams" : "office", daysAgo: [random.next() * 29.5] });
  }
  return activity;
}

/** The n-th ordinary user of a generated tenant: a plausible person with a random mix of methods and activity. */
export function fillerUser(n: number, random: Random): FillerUser {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const guest = random.chance(0.05);
  return {
    displayName: `${first} ${last}`,
    upnLocal: guest
      ? `${first.toLowerCase()}.${last.toLowerCase()}${n}_partner.example#EXT#`
      : `${first.toLowerCase()}.${last.toLowerCase()}${n}`,
    guest,
    methods: pickMethods(random),
    role: random.chance(0.005) ? random.pick(OCCASIONAL_ROLES) : undefined,
    activity: activityFor(random),
  };
}
