import type { Directory } from "../../directory/directory";
import type { DataGap } from "../../domain/facts";
import type { WalkthroughRecord } from "../../domain/walkthrough-record";
import { checkWorkloadMigration, parseAppId } from "../../domain/workload-migration";
import type { Texts } from "./texts";
import type { Verification } from "./verification";
import { localStep } from "./walkthrough-definition";
import { DEFINITIONS } from "./walkthroughs";

const K = "registration.workload";

/** The checklist's app id field as the card sent it: absent (keep what is stored), empty (clear), a GUID, or not. */
export type TypedAppId = { kind: "unchanged" } | { kind: "set"; appId?: string } | { kind: "invalid" };

export function readTypedAppId(value: unknown): TypedAppId {
  if (value === undefined || value === null) {
    return { kind: "unchanged" };
  }
  if (typeof value === "string" && value.trim() === "") {
    return { kind: "set" };
  }
  const appId = parseAppId(value);
  return appId === undefined ? { kind: "invalid" } : { kind: "set", appId };
}

/** The moment the sign-in check reads from: the last save of the checklist (the owner saying "moved"). */
export const signInsSince = (record: WalkthroughRecord): Date =>
  new Date(record.checklistSavedAt ?? record.startedAt);

const KNOWN_DATA = new Set(["signIns", "nonInteractiveSignIns", "workloadSignIns"]);
const KNOWN_WHY = new Set(["forbidden", "throttled", "timeout", "unavailable", "noPremium"]);

const unreadable = (gap: DataGap, { t }: Texts) =>
  t(`${K}.unreadable`, {
    what: t(`${K}.data.${KNOWN_DATA.has(gap.data) ? gap.data : "signIns"}`),
    why: t(`${K}.why.${KNOWN_WHY.has(gap.reason) ? gap.reason : "other"}`),
  });

/**
 * The workload identity walkthrough's last step: every checklist item ticked, then the sign-in logs
 * (checkWorkloadMigration) since the checklist was last saved, in the reader's language.
 */
export async function verifyWorkloadMove(
  directory: Directory,
  record: WalkthroughRecord,
  texts: Texts,
): Promise<Verification> {
  const { t } = texts;
  const step = DEFINITIONS.workloadIdentity.steps.find((item) => item.kind === "checklist");
  const items = step ? localStep("workloadIdentity", step, t).items : [];
  const open = items.filter((item) => !record.checklist.includes(item.id));
  if (open.length > 0) {
    return {
      verified: false,
      missing: t("registration.verify.stillToDo", { items: open.map((item) => item.text).join(" ") }),
      seen: [],
    };
  }
  const since = signInsSince(record);
  const appId = record.workloadAppId;
  const [account, workload] = await Promise.all([
    directory.readAccountSignInsSince(record.userId, since),
    appId === undefined ? undefined : directory.readWorkloadSignInsToArm({ appId }, since),
  ]);
  const check = checkWorkloadMigration({
    since,
    account,
    ...(workload === undefined || appId === undefined ? {} : { workload: { ...workload, appId } }),
  });
  const sinceLine = t(`${K}.since`, { date: texts.time(since) });
  if (check.holds) {
    const seen = check.workloadSignIn;
    return {
      verified: true,
      found: [
        ...items.map((item) => t("registration.verify.itemDone", { item: item.text })),
        t(`${K}.accountQuiet`, { date: texts.time(since) }),
        ...(seen === undefined
          ? []
          : [
              t(`${K}.identitySeen`, {
                name: seen.name,
                kind: t(`${K}.kinds.${seen.kind}`),
                date: texts.time(seen.at),
              }),
            ]),
      ],
    };
  }
  const missing: string[] = [];
  const last = check.accountSignIn;
  if (last !== undefined) {
    missing.push(
      t(last.interactive ? `${K}.accountInteractive` : `${K}.accountSilent`, {
        app: last.app,
        date: texts.time(last.at),
      }),
    );
    if (last.ropc) {
      missing.push(t(`${K}.accountRopc`));
    }
    missing.push(t(`${K}.accountFix`));
  }
  if (check.workloadNotSeen !== undefined) {
    missing.push(t(`${K}.identityNotSeen`, { appId: check.workloadNotSeen.appId }));
  }
  missing.push(...check.unreadable.map((gap) => unreadable(gap, texts)));
  const seen = last === undefined ? [] : [t(`${K}.accountCount`, { count: last.count })];
  return { verified: false, missing: missing.join(" "), seen: [...seen, sinceLine] };
}
