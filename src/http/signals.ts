import { BoxAbortError } from "../errors.js";

/** Waits `ms`, or rejects with {@link BoxAbortError} as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new BoxAbortError("The call was aborted by the caller"));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new BoxAbortError("The call was aborted by the caller"));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * An AbortSignal for one attempt: it follows the caller's signal and also
 * fires after `timeoutMs`, until `clear()` is called (once headers arrived,
 * so a slow but live body stream is not cut off).
 */
export function attemptSignal(caller: AbortSignal, timeoutMs: number | undefined) {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(caller.reason);
  if (caller.aborted) controller.abort(caller.reason);
  else caller.addEventListener("abort", onCallerAbort, { once: true });
  const timer =
    timeoutMs !== undefined && timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new Error(`attempt timed out after ${timeoutMs} ms`));
        }, timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    /** Stops the timer; the caller's abort still propagates. */
    clearTimer() {
      if (timer !== undefined) clearTimeout(timer);
    },
    /** Stops everything; for attempts that are over. */
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      caller.removeEventListener("abort", onCallerAbort);
    },
  };
}
