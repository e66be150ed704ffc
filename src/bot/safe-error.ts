/**
 * What of an error goes into a log line: name, message, status and stack, never the whole object (a
 * connector error carries the request, and so the bot's bearer token).
 */
export function safeError(error: unknown): {
  name: string;
  message: string;
  statusCode?: number;
  stack?: string;
} {
  if (!(error instanceof Error)) {
    return { name: "NonError", message: String(error) };
  }
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  return {
    name: error.name,
    message: error.message,
    statusCode: typeof statusCode === "number" ? statusCode : undefined,
    stack: error.stack,
  };
}
