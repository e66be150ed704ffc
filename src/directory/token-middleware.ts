import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { GRAPH_URLS } from "@microsoft/microsoft-graph-client/lib/src/Constants";

import type { TokenProvider } from "./credentials";
import { DirectoryError } from "./errors";
import { type FailureLedger, requestIdOf } from "./failure-ledger";

/**
 * Adds the bearer token, keeping the SDK's own rule (only https Graph hosts or the client's customHosts)
 * but deciding it on a parsed URL: every other request leaves without an Authorization header, even one
 * that set it by hand. So a nextLink or a redirect to another host can never carry the token.
 */
export class TokenMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly hosts: ReadonlySet<string>;

  constructor(
    private readonly tokens: TokenProvider,
    private readonly ledger: FailureLedger,
    customHosts: Iterable<string>,
    options: { wellKnownGraphHosts: boolean } = { wellKnownGraphHosts: true },
  ) {
    this.hosts = new Set(
      [...(options.wellKnownGraphHosts ? GRAPH_URLS : []), ...customHosts].map((host) => host.toLowerCase()),
    );
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  /** True when a token may go to this URL. */
  mayCarryToken(url: string): boolean {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "https:" && this.hosts.has(parsed.hostname.toLowerCase());
    } catch {
      return false;
    }
  }

  private async token(requestId: string | undefined): Promise<string> {
    try {
      return await this.tokens.getAccessToken();
    } catch (error) {
      // @azure/identity's message says which credential failed and why; it holds no secret.
      const said = `No token for Microsoft Graph: ${(error as Error).message.split("\n")[0]}.`;
      throw this.ledger.record(requestId, new DirectoryError("unauthenticated", said, { cause: error }));
    }
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    context.options ??= {};
    const headers = new Headers(context.options.headers ?? {});
    headers.delete("authorization");
    if (this.mayCarryToken(url)) {
      headers.set("authorization", `Bearer ${await this.token(requestIdOf(context.options.headers))}`);
    }
    const plain: Record<string, string> = {};
    headers.forEach((value, name) => {
      plain[name] = value;
    });
    context.options.headers = plain;
    await this.next!.execute(context);
  }
}
