import { BoxAbortError, BoxClientError, BoxConnectionError, BoxValidationError } from "../errors.js";

/**
 * Whether the event loop must give up rather than wait and try again: an
 * abort, bad input, a bug (not a BoxClientError), or a 4xx from Box's API that
 * a retry cannot cure (401 after a failed refresh, 403, a bad position).
 * Outages, 429, 5xx, timeouts and lost connections are weathered.
 */
export function isFatal(error: unknown): boolean {
  if (!(error instanceof BoxClientError)) return true;
  if (error instanceof BoxAbortError || error instanceof BoxValidationError) return true;
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/**
 * openapi-fetch reads the body after the pipeline has returned, so a body cut
 * off mid-way, or an abort during the read, surfaces as a plain DOMException
 * or TypeError; this gives it the BoxClientError class it deserves.
 */
export function asBoxError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (error instanceof BoxClientError) return error;
  if (signal?.aborted) return new BoxAbortError("The call was aborted by the caller");
  if (error instanceof TypeError || (error instanceof Error && error.name === "AbortError")) {
    return new BoxConnectionError(`The connection broke while reading Box's answer: ${error.message}`);
  }
  return error;
}
