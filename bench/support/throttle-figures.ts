import { GRAPH_LIMIT_FAMILIES, minimumDurationMs, scaleRule } from "../../src/throttle";

/** The least time `requests` to one of Graph's limit families can take under its limits scaled by `scale`. */
export function familyMinimumMs(family: string, requests: number, scale: number): number {
  const rules = GRAPH_LIMIT_FAMILIES.find((entry) => entry.name === family)!.rules.map((rule) =>
    scaleRule(rule, scale),
  );
  return minimumDurationMs(rules, requests);
}

/** The least time `requests` to Graph's reports endpoints can take under its limits scaled by `scale`. */
export function reportsMinimumMs(requests: number, scale: number): number {
  return familyMinimumMs("reports", requests, scale);
}

/** This process's peak resident memory so far, in MB (maxRSS is in kilobytes). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
