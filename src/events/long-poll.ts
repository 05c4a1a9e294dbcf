import type { ClientContext } from "../context.js";
import { BoxAbortError, BoxTimeoutError } from "../errors.js";
import { isFatal } from "./failures.js";
import type { Pacer } from "./pacer.js";
import type { LongPollServer } from "./realtime.js";

type PollOutcome = "new_change" | "reconnect" | "max_retries" | "silent" | "other" | "failed";

/**
 * A poll the server held at least this long before answering was a healthy
 * poll whatever it said; a faster answer that brings no change counts toward
 * the back-off, so a server that answers `reconnect` at once cannot make the
 * loop spin.
 */
const HEALTHY_HOLD_MS = 10_000;

export interface LongPollerDeps {
  context: ClientContext;
  /** OPTIONS /events, read into a {@link LongPollServer}. */
  fetchServer(signal: AbortSignal): Promise<LongPollServer>;
  /** Paces requests after failed requests (errors, non-2xx answers). */
  errors: Pacer;
  /** Paces poll cycles that end fast without news (instant reconnects, empty changes). */
  churn: Pacer;
}

/**
 * Box's long-poll protocol: hold a GET on the realtime server until it says
 * `new_change`; on `reconnect` or `max_retries`, ask OPTIONS /events for a
 * new server; re-send a poll that stays silent for `retry_timeout`, and after
 * `max_retries` re-sends, or once its `ttl` is over, ask for a new server too.
 * Keeps the server between calls, so a stream does not ask OPTIONS /events
 * after every change.
 */
export class LongPoller {
  readonly #deps: LongPollerDeps;
  #server: LongPollServer | undefined;
  #serverExpires = Infinity;
  #resends = 0;

  constructor(deps: LongPollerDeps) {
    this.#deps = deps;
  }

  /** Resolves once the realtime server reports a change after `position`. */
  async waitForChange(position: string, signal: AbortSignal): Promise<void> {
    const { errors, churn } = this.#deps;
    for (;;) {
      await errors.wait(signal);
      await churn.wait(signal);
      const server = await this.#currentServer(signal);
      if (server === undefined) continue;
      const started = Date.now();
      const outcome = await this.#pollOnce(server, position, signal);
      if (outcome === "new_change") return;
      if (outcome === "failed") {
        this.#resends++;
        continue;
      }
      if (Date.now() - started >= HEALTHY_HOLD_MS) churn.succeeded();
      else churn.failed();
      if (outcome === "reconnect" || outcome === "max_retries") this.#server = undefined;
      else this.#resends++;
    }
  }

  /** The server to poll, fetched afresh when there is none or its re-sends are spent. */
  async #currentServer(signal: AbortSignal): Promise<LongPollServer | undefined> {
    if (this.#server !== undefined && this.#resends < this.#server.maxRetries && Date.now() < this.#serverExpires) return this.#server;
    try {
      this.#server = await this.#deps.fetchServer(signal);
      this.#serverExpires = this.#server.ttlMs === undefined ? Infinity : Date.now() + this.#server.ttlMs;
      this.#resends = 0;
      // Not a reset of the failure streak: only a proper answer from the
      // realtime server ends it, or a cycle of OPTIONS + failing poll would
      // never back off beyond the first step.
      return this.#server;
    } catch (error) {
      if (isFatal(error)) throw error;
      this.#deps.errors.failed();
      return undefined;
    }
  }

  async #pollOnce(server: LongPollServer, position: string, signal: AbortSignal): Promise<PollOutcome> {
    const { context, errors } = this.#deps;
    const url = new URL(server.url);
    url.searchParams.set("stream_position", position);
    // The one request built by hand: the long-poll URL is an absolute URL on
    // Box's realtime host, handed out at run time by OPTIONS /events and not
    // an operation of the spec, so the typed client cannot express it. It
    // still goes through the pipeline (timeouts, abort, error mapping).
    // Box's realtime host wants the bearer token, but it is not an API origin
    // the pipeline trusts, so `authenticate: true` sends it deliberately; the
    // pipeline still drops it on any redirect away from that host.
    const request = new Request(url, { method: "GET", headers: { accept: "application/json" } });
    // The hold may last the whole retry_timeout, longer than the default per-call budget.
    const send = context.pipeline.withSettings({
      signal,
      timeoutMs: server.retryTimeoutMs,
      totalTimeoutMs: server.retryTimeoutMs,
      maxRetries: 0,
      authenticate: true,
    });
    let response: Response;
    try {
      response = await send(request);
    } catch (error) {
      if (error instanceof BoxAbortError) throw error;
      // Silence for retry_timeout is the protocol's "nothing yet", not a failure.
      if (error instanceof BoxTimeoutError) return "silent";
      errors.failed();
      return "failed";
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      errors.failed();
      // A realtime server that refuses the poll most likely has a dead channel.
      if (response.status < 500) this.#server = undefined;
      return "failed";
    }
    const message = await readMessage(response);
    if (signal.aborted) throw new BoxAbortError("The call was aborted by the caller");
    errors.succeeded();
    return message === "new_change" || message === "reconnect" || message === "max_retries" ? message : "other";
  }
}

/** The `message` of a realtime answer such as `{"message":"new_change","version":1}`. */
async function readMessage(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = JSON.parse(await response.text());
    return typeof body === "object" && body !== null && "message" in body && typeof body.message === "string" ? body.message : undefined;
  } catch {
    return undefined;
  }
}
