import type { ErrorCardInput } from "../../cards/error-card";
import { type View, view } from "../../cards/view";
import type { Directory } from "../../directory/directory";
import type { Actor } from "../../domain/actor";
import { ENGLISH } from "../../domain/language";
import { ROLE_DISPLAY_NAMES, type RoleName } from "../../domain/roles";
import { textsFor } from "../../i18n/i18n";
import type { Authorizer } from "../authz/authorize";
import type { Refused } from "../authz/refusal-card";
import type { StatusService, StatusView } from "./status-service";

/** Whom a status question names: a sign-in address, or words of a name ("ben carter"). */
export interface PersonQuery {
  upn?: string;
  person?: string;
}

export type LookupView = (StatusView & { subject: "self" | "other" }) | View<"error", ErrorCardInput>;

export interface StatusLookupOptions {
  status: Pick<StatusService, "check">;
  authz: Authorizer;
  directory: Pick<Directory, "getUser">;
}

type Texts = ReturnType<typeof textsFor>;

const notFound = (t: Texts, said: string, example: string): LookupView =>
  view("error", {
    title: t("status.lookup.notFoundTitle"),
    whatHappened: t("status.lookup.notFoundWhat", { said }),
    whatToDo: t("status.lookup.notFoundTodo", { example }),
  });

/** "Global Administrator, Global Reader or Security Reader": Microsoft's role names, joined by Intl in the reader's locale. */
function roleList(tag: string, roles: readonly RoleName[]): string {
  return new Intl.ListFormat(tag, { type: "disjunction" }).format(
    roles.map((role) => ROLE_DISPLAY_NAMES[role]),
  );
}

/** "You can only check your own status", the roles that would do, and what to ask instead. */
function refused(t: Texts, tag: string, decision: Refused): LookupView {
  const roles = roleList(tag, decision.rolesThatWouldDo);
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

/**
 * "is ben affected?", "status of ben@contoso.com": another user's status card, for those the permissions
 * table allows (roles read now, audited); anyone else is told they can check only themselves, and who can.
 * Asking about oneself is the ordinary status check.
 */
export async function lookUpStatus(
  options: StatusLookupOptions,
  actor: Actor,
  query: PersonQuery,
): Promise<LookupView> {
  const t = textsFor(actor.locale ?? ENGLISH);
  const { upns, domain } = await candidates(options.directory, actor, query);
  let subject;
  for (const upn of upns) {
    subject = await options.directory.getUser(upn);
    if (subject !== undefined) {
      break;
    }
  }
  if (subject !== undefined && subject.id.toLowerCase() === actor.userId.toLowerCase()) {
    return { ...(await options.status.check(actor)), subject: "self" };
  }
  // Authorised before saying whether the person exists, so a plain user cannot probe the directory.
  const decision = await options.authz.authorize(
    actor,
    "otherUserStatus",
    subject
      ? { subjectId: subject.id, subjectName: subject.displayName ?? subject.userPrincipalName }
      : { step: "notFound" },
  );
  if (!decision.allowed) {
    return refused(t, (actor.locale ?? ENGLISH).tag, decision);
  }
  if (subject === undefined) {
    const said = query.upn ?? query.person ?? "";
    return notFound(t, said, `${(query.person ?? "name").split(" ").join(".")}@${domain || "contoso.com"}`);
  }
  const who = { tenantId: actor.tenantId, userId: subject.id, locale: actor.locale };
  return { ...(await options.status.check(who, { fresh: true })), subject: "other" };
}
