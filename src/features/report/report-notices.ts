export interface NoticeCardData {
  tone: "default" | "good" | "warning" | "attention" | "accent";
  title: string;
  text: string;
  lines: Array<{ text: string }>;
  footer: string;
  startAgain: boolean;
  openChatUrl: string;
}

const notice = (
  fields: Partial<NoticeCardData> & Pick<NoticeCardData, "title" | "text">,
): NoticeCardData => ({
  tone: "default",
  lines: [],
  footer: "",
  startAgain: false,
  openChatUrl: "",
  ...fields,
});

export const reportNotices = {
  notInTenant: () =>
    notice({
      tone: "warning",
      title: "I can't report on this organisation",
      text: "This installation of MFA Ready reads another Microsoft Entra tenant. Ask your IT team which one it serves.",
    }),
  canceled: (by: string) =>
    notice({
      title: "Scan canceled",
      text: `${by} canceled the scan. Nothing was kept from it.`,
      startAgain: true,
    }),
  failed: (reference: string) =>
    notice({
      tone: "attention",
      title: "The scan did not finish",
      text: "Microsoft Graph stopped answering part way, so there is no report this time. Try again in a few minutes.",
      footer: `Reference for your IT team: ${reference}`,
      startAgain: true,
    }),
  personalOnly: (what: string, openChatUrl: string) =>
    notice({
      tone: "accent",
      title: "Let's continue in our personal chat",
      text: `${what} lists people by name, so I only share it in a one-to-one chat. Open our chat and say "readiness report".`,
      openChatUrl,
    }),
  subscribed: (at: string) =>
    notice({
      tone: "good",
      title: "You will get the readiness report every day",
      text: `I'll scan the tenant every day at ${at} UTC and send you the summary here, as long as you hold an admin or reader role. Say "stop the daily report" to stop.`,
    }),
  unsubscribed: () =>
    notice({ title: "Daily report stopped", text: "You will not get the daily readiness report any more." }),
  dailyOff: () =>
    notice({
      tone: "warning",
      title: "The daily report is switched off here",
      text: "Whoever runs this installation of MFA Ready can switch it on (REPORT_DAILY_AT). Until then, ask me for the readiness report whenever you need it.",
    }),
  csvDeclined: () =>
    notice({
      title: "No file sent",
      text: "No problem: I did not upload the CSV. Use the report's Download button whenever you want it.",
    }),
  csvUnavailable: () =>
    notice({
      tone: "warning",
      title: "That report is no longer available",
      text: "I keep the last two scans only. Ask for the readiness report again to get a CSV of the current one.",
      startAgain: true,
    }),
  csvFailed: (reference: string) =>
    notice({
      tone: "attention",
      title: "The upload did not work",
      text: "Teams did not accept the file. Press the report's Download button to try again.",
      footer: `Reference for your IT team: ${reference}`,
    }),
};
