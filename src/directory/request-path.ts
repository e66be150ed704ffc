/**
 * The Graph path of a URL without the API version ("/v1.0/users/x" -> "/users/x"): what limit families and
 * the permission table match on.
 */
export function graphPath(url: URL): string {
  return url.pathname.replace(/^\/(v1\.0|beta)(?=\/|$)/i, "") || "/";
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path fit for logs: object ids and anything that looks like a UPN or mail become {id}; the query keeps
 * only its parameter names ($filter values hold user ids and dates). Never the host's credentials either.
 */
export function loggablePath(url: URL): string {
  const segments = graphPath(url)
    .split("/")
    .map((segment) => {
      const text = decodeURIComponent(segment);
      return GUID.test(text) || text.includes("@") || (/^[A-Za-z0-9_=-]{16,}$/.test(text) && /\d/.test(text))
        ? "{id}"
        : segment;
    });
  const names = [...new Set(url.searchParams.keys())];
  return segments.join("/") + (names.length > 0 ? `?${names.join("&")}` : "");
}
