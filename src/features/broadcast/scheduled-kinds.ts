/** The scheduler's kinds the broadcast feature registers (key = the job's id, or the draft's). */
export const FOLLOW_UP_KIND = "broadcast.followUp";
/** A broadcast with a "send at": the scheduler holds it (durable, leased) until then; key = the draft's id. */
export const SEND_AT_KIND = "broadcast.sendAt";
