import { DEFAULT_RETRY_POLICY, backoffDelay } from "../http/retry-policy.js";
import { sleep } from "../http/signals.js";

/** How long the event loop waits after failures, before its next request. */
export interface BackoffOptions {
  /** First wait after a failure, in ms; doubled per consecutive failure, with jitter. Default 1000. */
  baseDelayMs?: number;
  /** Longest single wait, in ms. Default 60000. */
  maxDelayMs?: number;
}

export const DEFAULT_EVENT_BACKOFF: Required<BackoffOptions> = { baseDelayMs: 1_000, maxDelayMs: 60_000 };

/**
 * Consecutive failures and the wait they call for: none after a success,
 * then exponential with jitter up to a ceiling, so a server that keeps
 * failing sees a bounded request rate however fast it fails.
 */
export class Pacer {
  #failures = 0;
  readonly #policy;

  constructor(options: BackoffOptions = {}) {
    this.#policy = { ...DEFAULT_RETRY_POLICY, ...DEFAULT_EVENT_BACKOFF, ...definedOnly(options) };
  }

  failed(): void {
    this.#failures++;
  }

  succeeded(): void {
    this.#failures = 0;
  }

  /** Waits as long as the current failure streak asks; rejects with BoxAbortError on abort. */
  async wait(signal: AbortSignal): Promise<void> {
    if (this.#failures === 0) return;
    await sleep(backoffDelay(this.#failures - 1, this.#policy), signal);
  }
}

function definedOnly(options: BackoffOptions): BackoffOptions {
  const result: BackoffOptions = {};
  if (options.baseDelayMs !== undefined) result.baseDelayMs = options.baseDelayMs;
  if (options.maxDelayMs !== undefined) result.maxDelayMs = options.maxDelayMs;
  return result;
}
