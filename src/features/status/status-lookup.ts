import { userText } from "../../cards";
import type { ErrorCardInput } from "../../cards/error-card";
import { type View, view } from "../../cards/view";
import type { Directory } from "../../directory/directory";
import type { GraphUser } from "../../directory/graph-types";
import type { Actor } from "../../domain/actor";
import { ENGLISH, type Locale } from "../../domain/language";
import { textsFor } from "../../i18n/i18n";
import type { Authorizer } from "../authz/authorize";
import { type Refused, roleNames } from "../authz/refusal-card";
import type { StatusService, StatusView } from "./status-service";

/** Whom a status question names: a sign-in address, or words of a name ("ben carter"). */
export interface PersonQuery {
  upn?: string;
  person?: string;
}

export type LookupView =
  | (StatusView & { subject: "self" | "other" })
  | View<"error", ErrorCardInput>
  | View<"status-people", PeopleCardData>;

export interface StatusLookupOptions {
  status: Pick<StatusService, "check">;
  authz: Authorizer;
  directory: Pick<Directory, "getUser" | "findUsers">;
}

type Texts = ReturnType<typeof textsFor>;

const notFound = (t: Texts, said: string, example: string): LookupView =>
  view("error", {
    title: t("status.lookup.notFoundTitle"),
    whatHappened: t("status.lookup.notFoundWhat", { said }),
    whatToDo: t("status.lookup.notFoundTodo", { example }),
  });

/** "You can only check your own status", the roles that would do, and what to ask instead. */
function refused(t: Texts, locale: Locale, decision: Refused): LookupView {
  // Microsoft's role names as Microsoft writes them in the reader's language.
  const roles = roleNames(decision.rolesThatWouldDo, locale);
  return view("error", {
    title: t("status.lookup.refusedTitle"),
    whatHappened: t(
      decision.reason === "subjectHoldsRole"
        ? "status.lookup.refusedSubjectHoldsRole"
        : "status.lookup.refusedNoRole",
      { roles },
    ),
    whatToDo: t("status.lookup.refusedTodo"),
  });
}

/** Sign-in addresses a name may stand for, in the asker's own domain: "ben carter" -> ben.carter@…, bencarter@…. */
async function candidates(
  directory: StatusLookupOptions["directory"],
  actor: Actor,
  query: PersonQuery,
): Promise<{ upns: string[]; domain: string }> {
  if (query.upn !== undefined) {
    return { upns: [query.upn], domain: query.upn.split("@")[1] ?? "" };
  }
  const domain =
    (await directory.getUser(actor.userId))?.userPrincipalName.split("@")[1]?.toLowerCase() ?? "";
  const words = (query.person ?? "").split(" ").filter(Boolean);
  const upns =
    domain === "" || words.length === 0
      ? []
      : [...new Set([words.join("."), words.join("")])].map((local) => `${local}@${domain}`);
  return { upns, domain };
}

/** How many people a name search shows to pick from; one more is read to know there are others. */
export const PEOPLE_SHOWN = 5;

/** The card listing everyone a name matches (names and UPNs shown literally), each with its own button. */
export interface PeopleCardData {
  title: string;
  intro: string;
  /** `upn` as shown (literal text), `value` as the button sends it back. */
  people: Array<{ name: string; upn: string; value: string; button: string }>;
  more: string;
}

type Found = { one: GraphUser } | { many: GraphUser[]; total: number } | { none: true };

/**
 * Whom the question names: the address as given; for a name, the sign-in addresses it may stand for in
 * the asker's domain, then a directory search on display, given and surname ("ben" -> Ben Carter).
 */
async function find(
  options: StatusLookupOptions,
  actor: Actor,
  query: PersonQuery,
  domain: string[],
): Promise<Found> {
  const { upns, domain: own } = await candidates(options.directory, actor, query);
  domain.push(own);
  for (const upn of upns) {
    const user = await options.directory.getUser(upn);
    if (user !== undefined) {
      return { one: user };
    }
  }
  const name = query.upn === undefined ? query.person?.trim() : undefined;
  if (name === undefined || name === "" || options.directory.findUsers === undefined) {
    return { none: true };
  }
  const { users, total } = await options.directory.findUsers(name, PEOPLE_SHOWN + 1);
  if (users.length === 1) {
    return { one: users[0]! };
  }
  return users.length === 0 ? { none: true } : { many: users, total: Math.max(total ?? 0, users.length) };
}

function peopleView(
  t: Texts,
  said: string,
  found: { many: GraphUser[]; total: number },
): View<"status-people", PeopleCardData> {
  const shown = found.many.slice(0, PEOPLE_SHOWN);
  return view("status-people", {
    title: t("status.lookup.manyTitle", { said: userText(said) }),
    intro: t("status.lookup.manyIntro", { said: userText(said), count: found.total }),
    people: shown.map((user) => ({
      name: userText(user.displayName ?? user.userPrincipalName),
      upn: userText(user.userPrincipalName),
      value: user.userPrincipalName,
      button: t("status.lookup.manyButton"),
    })),
    more:
      found.total > shown.length
        ? t("status.lookup.manyMore", { shown: shown.length, count: shown.length })
        : "",
  });
}

/**
 * "is ben affected?", "status of ben@contoso.com": another user's status card, for those the permissions
 * table allows (roles read now, audited); anyone else is told they can check only themselves, and who can.
 * A name several people share gets a card to pick one from. Asking about oneself is the ordinary check.
 */
export async function lookUpStatus(
  options: StatusLookupOptions,
  actor: Actor,
  query: PersonQuery,
): Promise<LookupView> {
  const t = textsFor(actor.locale ?? ENGLISH);
  const domains: string[] = [];
  const found = await find(options, actor, query, domains);
  const subject = "one" in found ? found.one : undefined;
  if (subject !== undefined && subject.id.toLowerCase() === actor.userId.toLowerCase()) {
    return { ...(await options.status.check(actor)), subject: "self" };
  }
  // Authorised before saying whether or whom the name finds, so a plain user cannot probe the directory.
  const decision = await options.authz.authorize(
    actor,
    "otherUserStatus",
    subject
      ? { subjectId: subject.id, subjectName: subject.displayName ?? subject.userPrincipalName }
      : { step: "many" in found ? "choose" : "notFound" },
  );
  if (!decision.allowed) {
    return refused(t, actor.locale ?? ENGLISH, decision);
  }
  const said = query.upn ?? query.person ?? "";
  if ("many" in found) {
    return peopleView(t, said, found);
  }
  if (subject === undefined) {
    const domain = domains[0] || "contoso.com";
    const example = `${(query.person ?? "name").split(" ").join(".")}@${domain}`;
    return query.upn === undefined
      ? view("error", {
          title: t("status.lookup.notFoundTitle"),
          whatHappened: t("status.lookup.notFoundNameWhat", { said: userText(said) }),
          whatToDo: t("status.lookup.notFoundTodo", { example }),
        })
      : notFound(t, said, example);
  }
  // The card speaks of its subject in the third person ("Ben Carter is affected"), as its reader is not them.
  const about = userText(subject.displayName ?? subject.userPrincipalName);
  const locale = { ...(actor.locale ?? ENGLISH), about };
  const who = { tenantId: actor.tenantId, userId: subject.id, locale };
  const checked = await options.status.check(who, { fresh: true });
  if (checked.template !== "status") {
    return { ...checked, subject: "other" };
  }
  const userLine = t("status.card.otherUserLine", { user: checked.data.userLine });
  return { ...checked, data: { ...checked.data, userLine }, subject: "other" };
}
