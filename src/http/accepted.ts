import { parseRetryAfter } from "./retry-policy.js";
import { sleep } from "./signals.js";

/** Box's answer did not say how long to wait; one second is what its guides use. */
const DEFAULT_RETRY_AFTER_MS = 1000;

const NEVER_ABORTED = new AbortController().signal;

/**
 * Waits out a 202 ("not ready yet") for the `Retry-After` it carries, if the
 * wait ends before `deadline`. Resolves `false` without waiting when it would
 * not: each caller gives up its own way (a download throws, a thumbnail is
 * null). Downloads, thumbnails and upload commits all poll like this.
 */
export async function waitOutAccepted(response: Response, deadline: number, signal: AbortSignal | undefined): Promise<boolean> {
  const wait = parseRetryAfter(response.headers.get("retry-after")) ?? DEFAULT_RETRY_AFTER_MS;
  if (Date.now() + wait > deadline) return false;
  await sleep(wait, signal ?? NEVER_ABORTED);
  return true;
}
