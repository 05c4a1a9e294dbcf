import type { FetchLike, PipelineEvent, RequestSettings } from "./http/pipeline.js";

/** Settings every facade method accepts in its last argument. */
export interface CallOptions {
  /** Aborts the call; an abort is reported at once as `BoxAbortError` and never retried. */
  signal?: AbortSignal;
  /** Time allowed for one attempt to get response headers, in ms. */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 5xx and lost connections. */
  maxRetries?: number;
  /** Budget for the whole call including retries and waits, in ms. */
  totalTimeoutMs?: number;
  /** First backoff step in ms (doubled per retry, with jitter). */
  baseDelayMs?: number;
  /** Longest single backoff wait, in ms. */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured, in ms; a longer one ends the retries. */
  maxRetryAfterMs?: number;
}

/** How a {@link BoxClient} talks to Box. Every field is optional. */
export interface BoxClientOptions {
  /** The API host. Default `https://api.box.com/2.0`. */
  baseUrl?: string;
  /** The upload host. Default `https://upload.box.com/api/2.0`. */
  uploadUrl?: string;
  /** The fetch to use; the global one by default. */
  fetch?: FetchLike;
  /** Time allowed for one attempt to get response headers, in ms. Default 60000. */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 5xx and lost connections. Default 4. */
  maxRetries?: number;
  /** First backoff step in ms (doubled per retry, with jitter). Default 500. */
  baseDelayMs?: number;
  /** Longest single backoff wait, in ms. Default 8000. */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured, in ms; longer ones end the retries. Default 60000. */
  maxRetryAfterMs?: number;
  /** Budget for one call including retries and waits, in ms. Default 120000. */
  totalTimeoutMs?: number;
  /** A debug hook that sees each request, response and retry; it never receives tokens or bodies. */
  onEvent?: (event: PipelineEvent) => void;
}

export const DEFAULT_BASE_URL = "https://api.box.com/2.0";
export const DEFAULT_UPLOAD_URL = "https://upload.box.com/api/2.0";

/** The pipeline settings of one call, from its options. */
export function callSettings(options: CallOptions | undefined): RequestSettings {
  if (!options) return {};
  const { signal, timeoutMs, maxRetries, totalTimeoutMs, baseDelayMs, maxDelayMs, maxRetryAfterMs } = options;
  return { signal, timeoutMs, maxRetries, totalTimeoutMs, baseDelayMs, maxDelayMs, maxRetryAfterMs };
}
