import type { Attachment, TurnContext } from "botbuilder";
import { ActivityTypes } from "botbuilder";

/** The Teams file consent flow (personal chat only): ask, the user accepts or declines, upload, show the file. */
export const FILE_CONSENT_INVOKE = "fileConsent/invoke";
export const FILE_CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent";
export const FILE_INFO_CARD = "application/vnd.microsoft.teams.card.file.info";

export interface UploadInfo {
  contentUrl: string;
  name: string;
  uploadUrl: string;
  fileType: string;
  uniqueId: string;
}

export type FileConsentAnswer =
  | { action: "accept"; context: Record<string, unknown>; uploadInfo: UploadInfo }
  | { action: "decline"; context: Record<string, unknown> };

/** The card that asks the user for permission to put a file in their OneDrive. */
export function fileConsentCard(file: {
  name: string;
  sizeInBytes: number;
  description: string;
  context: Record<string, string>;
}): Attachment {
  return {
    contentType: FILE_CONSENT_CARD,
    name: file.name,
    content: {
      description: file.description,
      sizeInBytes: file.sizeInBytes,
      acceptContext: file.context,
      declineContext: file.context,
    },
  };
}

/** The card that shows the uploaded file in the chat. */
export function fileInfoCard(info: UploadInfo): Attachment {
  return {
    contentType: FILE_INFO_CARD,
    contentUrl: info.contentUrl,
    name: info.name,
    content: { uniqueId: info.uniqueId, fileType: info.fileType },
  };
}

export const isFileConsentInvoke = async (context: TurnContext): Promise<boolean> =>
  context.activity.type === ActivityTypes.Invoke && context.activity.name === FILE_CONSENT_INVOKE;

const text = (value: unknown): value is string =>
  typeof value === "string" && value.length > 0 && value.length < 4096;

/** The invoke's value, checked: anything malformed is undefined (and answered 400). */
export function readFileConsent(value: unknown): FileConsentAnswer | undefined {
  const answer = value as
    { action?: unknown; context?: unknown; uploadInfo?: Record<string, unknown> } | undefined;
  const context =
    typeof answer?.context === "object" && answer.context !== null
      ? (answer.context as Record<string, unknown>)
      : {};
  if (answer?.action === "decline") {
    return { action: "decline", context };
  }
  const info = answer?.uploadInfo;
  if (
    answer?.action !== "accept" ||
    info === undefined ||
    ![info.contentUrl, info.name, info.uploadUrl, info.uniqueId].every(text)
  ) {
    return undefined;
  }
  return {
    action: "accept",
    context,
    uploadInfo: {
      contentUrl: info.contentUrl as string,
      name: info.name as string,
      uploadUrl: info.uploadUrl as string,
      fileType: text(info.fileType) ? info.fileType : "csv",
      uniqueId: info.uniqueId as string,
    },
  };
}

/** Teams waits for the invoke's own answer: 200 once handled. */
export async function answerInvoke(context: TurnContext, status: number, body?: unknown): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
}
