import type { AddressInfo } from "node:net";

import * as restify from "restify";

import type { ActivityEndpoint } from "./bot/activity-endpoint";
import type { Logger } from "./logger";
import { checkHealth, type HealthChecks } from "./server/health";
import { HttpError } from "./server/http-error";
import { InFlight } from "./server/in-flight";
import { readJsonBody } from "./server/read-json-body";

export interface ServerDependencies {
  endpoint: ActivityEndpoint;
  health: HealthChecks;
  logger: Logger;
}

export interface RunningServer {
  /** Resolves with the URL once listening (port 0: an ephemeral port). */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting connections, waits up to `drainMs` for turns in flight, then closes. */
  close(drainMs?: number): Promise<{ drained: boolean }>;
  readonly inFlight: number;
}

function sendJson(res: restify.Response, status: number, body: unknown): void {
  res.status(status);
  if (body === undefined) {
    res.end();
    return;
  }
  res.header("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}

/** restify with exactly two routes: POST /api/messages (the bot) and GET /healthz. */
export function createServer(deps: ServerDependencies): RunningServer {
  const server = restify.createServer({ name: deps.health.name, handleUncaughtExceptions: false });
  const inFlight = new InFlight();
  let closing = false;

  server.post("/api/messages", async (req: restify.Request, res: restify.Response) => {
    if (closing) {
      res.header("connection", "close");
      return sendJson(
        res,
        503,
        new HttpError(503, "ShuttingDown", "the bot is restarting; try again").toBody(),
      );
    }
    await inFlight.track(async () => {
      try {
        const body = await readJsonBody(req);
        const answer = await deps.endpoint.handle(body, req.headers.authorization ?? "");
        if (closing) {
          // Shutting down: the client opens a new connection (to another instance) next time.
          res.header("connection", "close");
        }
        sendJson(res, answer.status, answer.body);
      } catch (error) {
        if (error instanceof HttpError) {
          return sendJson(res, error.status, error.toBody());
        }
        deps.logger.error(
          { err: { message: error instanceof Error ? error.message : String(error) } },
          "request failed",
        );
        sendJson(res, 500, new HttpError(500, "InternalError", "the request could not be handled").toBody());
      }
    });
  });

  server.get("/healthz", async (_req: restify.Request, res: restify.Response) => {
    const report = await checkHealth(deps.health);
    sendJson(res, report.storage.reachable ? 200 : 503, report);
  });

  // Anything else: the same JSON error shape as the routes above, not restify's default.
  server.on(
    "restifyError",
    (
      _req: restify.Request,
      res: restify.Response,
      err: Error & { statusCode?: number },
      callback: () => void,
    ) => {
      const status = err.statusCode ?? 500;
      const code =
        status === 404 ? "NotFound" : status === 405 ? "MethodNotAllowed" : err.name.replace(/Error$/, "");
      const message = status === 404 ? "only POST /api/messages and GET /healthz exist" : err.message;
      Object.assign(err, { toJSON: () => new HttpError(status, code, message).toBody() });
      res.header("content-type", "application/json; charset=utf-8");
      callback();
    },
  );

  return {
    get inFlight() {
      return inFlight.size;
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.removeListener("error", reject);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    async close(drainMs = 10_000) {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      const started = Date.now();
      // Requests first, then turns that answered their invoke early and are still finishing.
      const drained =
        (await inFlight.drain(drainMs)) &&
        (await deps.endpoint.drain(Math.max(0, drainMs - (Date.now() - started))));
      // Idle keep-alive sockets would hold close() open. Answered ones close once flushed
      // (connection: close); whatever is still open after a grace period is cut.
      server.server.closeIdleConnections();
      const cut = setTimeout(() => server.server.closeAllConnections(), drained ? 1_000 : 0);
      await stopped;
      clearTimeout(cut);
      return { drained };
    },
  };
}
