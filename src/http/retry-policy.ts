/** How the pipeline retries; every field can be set per client and per call. */
export interface RetryPolicy {
  /** Retries after the first attempt (0 disables retries). Default 4. */
  maxRetries: number;
  /** First backoff step in ms, doubled per retry, with jitter. Default 500. */
  baseDelayMs: number;
  /** Upper bound of one backoff wait in ms. Default 8000. */
  maxDelayMs: number;
  /** Longest `Retry-After` honoured, in ms; a longer one ends the retries. Default 60000. */
  maxRetryAfterMs: number;
  /** Budget for the whole call, retries and waits included, in ms. Default 120000. */
  totalTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  totalTimeoutMs: 120_000,
};

/** 429 and 5xx (but 501, which will never work) are worth another try. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

/**
 * `Retry-After` as a wait in ms: either delta-seconds or an HTTP date.
 * Returns undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // HTTP dates start with a day name; Date.parse alone would read "-5" as a year.
  if (!/^[A-Za-z]{3,9},? /.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half fixed, half random, so waits never collapse to 0. */
export function backoffDelay(retryNumber: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryNumber);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
