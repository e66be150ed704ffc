import type { TurnContext } from "botbuilder";
import { buildHelpCard } from "../../cards/help-card";
import { cardMessage, replacingCard } from "../cards";

/**
 * Admin jobs are only listed once an admin check exists (directory roles, checked in Graph); each
 * admin action is authorised on the server anyway, so this is cosmetic.
 */
const SHOW_ADMIN_JOBS = false;

export function helpCard() {
  return replacingCard(buildHelpCard({ showAdminJobs: SHOW_ADMIN_JOBS }));
}

/** "help", or anything the bot did not understand (echoed literally, so the user sees what it got). */
export async function sendHelp(context: TurnContext, misunderstood?: string): Promise<void> {
  await context.sendActivity(cardMessage(buildHelpCard({ showAdminJobs: SHOW_ADMIN_JOBS, misunderstood })));
}
