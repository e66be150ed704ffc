/**
 * The Agents Playground cannot switch its user: each Playground is one person. So one Playground per
 * persona, each with its own Teams context (config file) whose current user is that demo-tenant person
 * and whose other users are the README's personas (the Playground insists on at least five).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A person of the tenant snapshot, as its `users` list holds them. */
export interface SnapshotUser {
  id: string;
  displayName?: string | null;
  givenName?: string | null;
  surname?: string | null;
  userPrincipalName: string;
  mail?: string | null;
}

/** A Playground user (the shape of `currentUser` and `users` in .m365agentsplayground.yml). */
export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** The personas the README names, by the start of their UPN, in its order; Adele is the default. */
export const README_PERSONAS = [
  "adele.vance",
  "ben.carter",
  "dana.ready",
  "alex.wilber",
  "megan.bowen",
  "rita.rest",
] as const;

/** What the bot and the tenant have in common with every persona's Playground. */
const BOT = { id: "00000000-0000-0000-0000-000000000011", name: "MFA Ready" };
const GROUP_CHAT = { id: "group-chat-operators", name: "Azure operators" };
const TEAM = {
  id: "team-contoso-engineering",
  name: "Engineering",
  aadGroupId: "90000000-0000-4000-8000-000000000004",
  channels: [{ id: "channel-azure-operators", name: "Azure operators" }],
};

export class PersonaError extends Error {
  override readonly name = "PersonaError";
}

const localPart = (user: SnapshotUser) => user.userPrincipalName.split("@")[0]!.toLowerCase();

/** The persona key, e.g. "ben" for ben.carter@…: the Playground user id and chat id are made from it. */
export function personaKey(user: SnapshotUser): string {
  return localPart(user)
    .split(/[._]/)[0]!
    .replace(/[^a-z0-9-]/g, "");
}

export function playgroundUser(user: SnapshotUser): PlaygroundUser {
  const key = personaKey(user);
  return {
    id: `user-${key}`,
    name: user.displayName ?? user.userPrincipalName,
    userPrincipleName: user.userPrincipalName,
    aadObjectId: user.id,
    givenName: user.givenName ?? key,
    surname: user.surname ?? "",
    email: user.mail ?? user.userPrincipalName,
  };
}

/**
 * The user `wanted` names: a first name ("ben"), a display name ("Ben Carter"), a UPN or the start of one
 * ("ben.carter"), case-insensitive. A name that is not one person's is an error that lists the choices.
 */
export function findPersona(users: readonly SnapshotUser[], wanted: string): SnapshotUser {
  const want = wanted.trim().toLowerCase();
  const exact = users.filter(
    (user) =>
      user.userPrincipalName.toLowerCase() === want ||
      localPart(user) === want ||
      (user.displayName ?? "").toLowerCase() === want,
  );
  const byKey = exact.length > 0 ? exact : users.filter((user) => personaKey(user) === want);
  // A first name shared by several people: the README's persona wins, as the README means it.
  const readme = byKey.filter((user) => (README_PERSONAS as readonly string[]).includes(localPart(user)));
  const found = byKey.length === 1 ? byKey : readme;
  if (found.length === 1) {
    return found[0]!;
  }
  const choices = README_PERSONAS.map((upn) => upn.split(".")[0]).join(", ");
  throw new PersonaError(
    byKey.length > 1
      ? `"${wanted}" names ${byKey.length} people (${byKey.map((user) => user.userPrincipalName).join(", ")}): give the UPN`
      : `no one called "${wanted}" in the demo tenant; try ${choices}, or a UPN from src/dev/README.md`,
  );
}

/** The port the README's personas always get (Adele 56150, Ben 56151…), so stored chats stay valid. */
export const FIRST_PORT = 56150;
const OTHER_PORTS = FIRST_PORT + 10;

export interface PersonaLaunch {
  user: SnapshotUser;
  port: number;
}

/**
 * The people `--as` names: each value a name or a comma-separated list, "all" for the README's six; in
 * the order given, once each, with their ports (the README's at fixed ports, others after them).
 */
export function resolvePersonas(users: readonly SnapshotUser[], wanted: readonly string[]): PersonaLaunch[] {
  const names = wanted.flatMap((value) => value.split(",")).map((name) => name.trim());
  const expanded = names.flatMap((name) => (name.toLowerCase() === "all" ? [...README_PERSONAS] : [name]));
  const launches: PersonaLaunch[] = [];
  let others = 0;
  for (const name of expanded.filter((item) => item !== "")) {
    const user = findPersona(users, name);
    if (launches.some((launch) => launch.user.id === user.id)) {
      continue;
    }
    const readme = (README_PERSONAS as readonly string[]).indexOf(localPart(user));
    launches.push({ user, port: readme >= 0 ? FIRST_PORT + readme : OTHER_PORTS + others++ });
  }
  return launches;
}

/** The Playground's Teams context with `user` as its current user. */
export function personaConfig(
  tenantId: string,
  users: readonly SnapshotUser[],
  user: SnapshotUser,
): Record<string, unknown> {
  // The README's personas, topped up from the snapshot for another tenant: the Playground wants exactly five.
  const readme = users.filter((other) => (README_PERSONAS as readonly string[]).includes(localPart(other)));
  const others = [...readme, ...users.filter((other) => !readme.includes(other))]
    .filter((other) => other.id !== user.id)
    .slice(0, 5);
  return {
    version: "0.1.1",
    tenantId,
    bot: BOT,
    currentUser: playgroundUser(user),
    users: others.map(playgroundUser),
    personalChat: { id: `personal-chat-${personaKey(user)}` },
    groupChat: GROUP_CHAT,
    team: TEAM,
  };
}

/**
 * Writes the persona's config under `dir` and returns its path. JSON is YAML too, so the Playground reads
 * it as it reads .m365agentsplayground.yml, and no YAML writer is needed.
 */
export function writePersonaConfig(
  dir: string,
  tenantId: string,
  users: readonly SnapshotUser[],
  user: SnapshotUser,
): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${personaKey(user)}.m365agentsplayground.yml`);
  writeFileSync(file, `${JSON.stringify(personaConfig(tenantId, users, user), null, 2)}\n`);
  return file;
}
