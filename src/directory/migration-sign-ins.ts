import { AZURE_SERVICE_MANAGEMENT_RESOURCE_ID } from "../domain/apps";
import { type DataGap, NON_INTERACTIVE_SIGN_INS } from "../domain/facts";
import type { SignInRead, WorkloadIdentityRef } from "./directory";
import { DirectoryError } from "./errors";
import { gapOf } from "./gaps";
import type { GraphHttp } from "./graph-http";
import type { SignIn } from "./graph-types";
import { graphUrls } from "./graph-urls";
import type { Page } from "./paging";

/** What a workload migration's check reads; the data names are the gaps' (DataGap.data). */
export const WORKLOAD_SIGN_INS = "workloadSignIns";

/**
 * The first page only: newest first and up to 1,000, it answers what the check asks (any sign-in since the
 * moment, and the latest), in one request of the audit-log family (5 per 10 s per tenant) per source.
 */
async function firstPage(http: GraphHttp, url: string, data: string): Promise<SignIn[] | DataGap> {
  try {
    const answer = await http.send<Page<SignIn>>("GET", url);
    if (answer.status >= 200 && answer.status < 300) {
      return answer.body?.value ?? [];
    }
    return gapOf(data, http.errorOf(answer, url));
  } catch (error) {
    if (error instanceof DirectoryError) {
      return gapOf(data, error);
    }
    throw error;
  }
}

const newestFirst = (a: SignIn, b: SignIn) => Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime);

function merge(reads: Array<SignIn[] | DataGap>): SignInRead {
  const signIns: SignIn[] = [];
  const dataGaps: DataGap[] = [];
  for (const read of reads) {
    if (Array.isArray(read)) {
      signIns.push(...read);
    } else {
      dataGaps.push(read);
    }
  }
  return { signIns: signIns.sort(newestFirst), dataGaps };
}

/**
 * One account's in-scope user sign-ins since a moment: v1.0 for the interactive ones, beta's
 * nonInteractiveUser clause for the silent refreshes (v1.0 never returns those). Each failure is a gap.
 */
export async function readAccountSignInsSince(
  http: GraphHttp,
  userId: string,
  since: Date,
  scope: { appIds: readonly string[]; resourceIds: readonly string[] },
): Promise<SignInRead> {
  return merge(
    await Promise.all([
      firstPage(http, graphUrls.accountSignInsSince(userId, since, scope, false), "signIns"),
      firstPage(
        http,
        http.beta(graphUrls.accountSignInsSince(userId, since, scope, true)),
        NON_INTERACTIVE_SIGN_INS,
      ),
    ]),
  );
}

/** A service principal's or managed identity's sign-ins to Azure Resource Manager since a moment (beta only). */
export async function readWorkloadSignInsToArm(
  http: GraphHttp,
  identity: WorkloadIdentityRef,
  since: Date,
): Promise<SignInRead> {
  const url = http.beta(
    graphUrls.workloadSignInsSince(identity, AZURE_SERVICE_MANAGEMENT_RESOURCE_ID, since),
  );
  return merge([await firstPage(http, url, WORKLOAD_SIGN_INS)]);
}
