import type { ErrorCardInput } from "../../cards/error-card";
import type { Directory } from "../../directory/directory";
import type { Actor } from "../../domain/actor";
import type { Authorizer } from "../authz/authorize";
import { refusalData } from "../authz/refusal-card";
import type { StatusService, StatusView } from "./status-service";

/** Whom a status question names: a sign-in address, or words of a name ("ben carter"). */
export interface PersonQuery {
  upn?: string;
  person?: string;
}

export type LookupView =
  (StatusView & { subject: "self" | "other" }) | { card: "error"; data: ErrorCardInput };

export interface StatusLookupOptions {
  status: Pick<StatusService, "check">;
  authz: Authorizer;
  directory: Pick<Directory, "getUser">;
}

const notFound = (said: string, example: string): LookupView => ({
  card: "error",
  data: {
    title: "I couldn't find that person",
    whatHappened: `No one in your organisation signs in as "${said}".`,
    whatToDo: `Ask with their sign-in address, for example: status of ${example}`,
  },
});

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
    const refused = refusalData(decision);
    return {
      card: "error",
      data: { ...refused, whatToDo: `Ask me "am I affected?" for your own status. ${refused.whatToDo}` },
    };
  }
  if (subject === undefined) {
    const said = query.upn ?? query.person ?? "";
    return notFound(said, `${(query.person ?? "name").split(" ").join(".")}@${domain || "contoso.com"}`);
  }
  return {
    ...(await options.status.check({ tenantId: actor.tenantId, userId: subject.id }, { fresh: true })),
    subject: "other",
  };
}
