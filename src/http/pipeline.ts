import type { AccessTokenProvider } from "../auth/token-provider.js";
import { BoxAbortError, BoxConnectionError, BoxTimeoutError, type BoxClientError } from "../errors.js";
import { redactUrl } from "./redact.js";
import { DEFAULT_RETRY_POLICY, backoffDelay, isRetryableStatus, parseRetryAfter, type RetryPolicy } from "./retry-policy.js";
import { attemptSignal, sleep } from "./signals.js";
import { hasStreamedBody, mayBeAbortedByCaller } from "./streamed-request.js";

/** The shape of `fetch` the pipeline wraps and exposes. */
export type FetchLike = (request: Request) => Promise<Response>;

/** Per-client defaults and per-call overrides of how a request is sent. */
export interface RequestSettings extends Partial<RetryPolicy> {
  /** Aborts the call, retries included. An abort is never retried. */
  signal?: AbortSignal;
  /** Time allowed for one attempt to receive response headers, in ms. Default 60000. */
  timeoutMs?: number;
  /**
   * How to re-send the body on a retry: by default a body is read once into
   * memory (fine for JSON and forms) unless it was handed to the typed client
   * as a stream, which is sent once and never retried; a function builds a
   * fresh body per attempt (for Blobs and file parts); `false` marks a
   * one-shot body explicitly, `true` forces buffering.
   */
  replayableBody?: boolean | (() => BodyInit);
  /** Force the bearer token on (`true`) or off (`false`); by default it goes to trusted origins only. */
  authenticate?: boolean;
}

/** What the pipeline reports to a debug hook; never carries a token or a body. */
export type PipelineEvent =
  | { type: "request"; method: string; url: string; attempt: number }
  | { type: "response"; method: string; url: string; attempt: number; status: number; requestId?: string }
  | { type: "retry"; method: string; url: string; attempt: number; delayMs: number; reason: string }
  | { type: "token-rejected"; method: string; url: string };

export interface PipelineConfig {
  tokens: AccessTokenProvider;
  /** Origins (scheme://host:port) that may receive the bearer token. */
  trustedOrigins: readonly string[];
  fetch?: FetchLike;
  defaults?: RequestSettings;
  onEvent?: (event: PipelineEvent) => void;
}

export interface Pipeline {
  /** Sends with the client's default settings. */
  fetch: FetchLike;
  /** A fetch bound to per-call settings (signal, timeout, retries, body replay). */
  withSettings(settings: RequestSettings): FetchLike;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** The request behind a response, as error messages name it (URL already redacted). */
export interface RequestSummary {
  method: string;
  url: string;
}

/** Redacts the URL only when an error asks for it, keeping the redaction off the hot path. */
class LazySummary implements RequestSummary {
  readonly method: string;
  readonly #rawUrl: string;
  #url: string | undefined;
  constructor(method: string, rawUrl: string) {
    this.method = method;
    this.#rawUrl = rawUrl;
  }
  get url(): string {
    return (this.#url ??= redactUrl(this.#rawUrl));
  }
}

const origins = new WeakMap<Response, RequestSummary>();
/** Which request produced a response the pipeline returned, for error messages. */
export function requestOf(response: Response): RequestSummary | undefined {
  return origins.get(response);
}
const MAX_REDIRECTS = 5;

/**
 * The one request path under both the facade and `client.api`: bearer token
 * on trusted origins only, one refresh-and-resend on 401, retries with backoff
 * and `Retry-After` for 429, 5xx and lost connections, per-attempt timeouts,
 * caller aborts, and redirects followed by hand so the token never leaves Box's
 * API hosts.
 */
export function createPipeline(config: PipelineConfig): Pipeline {
  const baseFetch: FetchLike = config.fetch ?? ((request) => globalThis.fetch(request));
  const trusted = new Set(config.trustedOrigins);
  const onEvent = config.onEvent;
  // Events are built lazily: without a debug hook they cost nothing.
  const emit = (event: () => PipelineEvent) => {
    if (!onEvent) return;
    try {
      onEvent(event());
    } catch {
      // A faulty debug hook must never break a request.
    }
  };

  // The client's settings over the defaults, merged once rather than on every call.
  const clientSettings = { ...DEFAULT_RETRY_POLICY, timeoutMs: DEFAULT_TIMEOUT_MS, ...definedOnly(config.defaults) };

  async function send(original: Request, overrides: RequestSettings): Promise<Response> {
    const settings = { ...clientSettings, ...definedOnly(overrides) };
    const caller = settings.signal ? AbortSignal.any([settings.signal, original.signal]) : original.signal;
    // Re-wrapping a body costs a stream hop per chunk; only a caller who can abort needs it.
    const callerCanAbort = settings.signal !== undefined || mayBeAbortedByCaller(original);
    const finish = (response: Response) => (callerCanAbort ? abortAware(response, caller) : response);
    const method = original.method;
    // Parsed and redacted only when an event or an error needs it: this is the hot path.
    let redacted: string | undefined;
    const safeUrl = () => (redacted ??= redactUrl(original.url));
    const started = Date.now();
    const body = await bodySource(original, settings.replayableBody);
    const shouldAuthenticate = settings.authenticate ?? trusted.has(new URL(original.url).origin);

    let retriesDone = 0;
    let resentAfterRefresh = false;
    // A refresh in flight must not hold up a caller who gave up.
    const currentToken = () => (shouldAuthenticate ? untilAborted(config.tokens.getAccessToken(), caller) : Promise.resolve(undefined));
    let token = await currentToken();

    for (let attempt = 1; ; attempt++) {
      if (caller.aborted) throw abortError(caller);
      // An attempt may not outlast the call's total budget.
      const remaining = settings.totalTimeoutMs - (Date.now() - started);
      const budgetBound = remaining < settings.timeoutMs;
      const timing = attemptSignal(caller, Math.max(1, Math.min(settings.timeoutMs, remaining)));
      let response: Response;
      emit(() => ({ type: "request", method, url: safeUrl(), attempt }));
      try {
        response = await sendFollowingRedirects(original, body, token, timing.signal);
        timing.clearTimer();
      } catch (cause) {
        timing.dispose();
        if (caller.aborted) throw abortError(caller);
        if (timing.timedOut && budgetBound) {
          throw new BoxTimeoutError(`The call's total budget of ${settings.totalTimeoutMs} ms ran out [${method} ${safeUrl()}]`, { method, url: safeUrl() });
        }
        const failure: BoxClientError = timing.timedOut
          ? new BoxTimeoutError(`No answer within ${settings.timeoutMs} ms [${method} ${safeUrl()}]`, { method, url: safeUrl(), cause: describe(cause) })
          : new BoxConnectionError(`Could not reach Box: ${describe(cause)} [${method} ${safeUrl()}]`, { method, url: safeUrl(), cause: describe(cause) });
        const delay = backoffDelay(retriesDone, settings);
        if (!body.replayable || retriesDone >= settings.maxRetries || !withinBudget(started, delay, settings)) throw failure;
        retriesDone++;
        emit(() => ({ type: "retry", method, url: safeUrl(), attempt, delayMs: delay, reason: failure.name }));
        await sleep(delay, caller);
        continue;
      }
      emit(() => ({ type: "response", method, url: safeUrl(), attempt, status: response.status, requestId: response.headers.get("box-request-id") ?? undefined }));

      if (response.status === 401 && token !== undefined && !resentAfterRefresh && body.replayable) {
        emit(() => ({ type: "token-rejected", method, url: safeUrl() }));
        let fresh: string | undefined;
        try {
          fresh = await untilAborted(config.tokens.refreshAfterRejection(token), caller);
        } catch (error) {
          await discard(response);
          throw error;
        }
        if (fresh !== undefined) {
          resentAfterRefresh = true;
          token = fresh;
          await discard(response);
          continue;
        }
        return finish(response);
      }

      if (!isRetryableStatus(response.status) || !body.replayable || retriesDone >= settings.maxRetries) return finish(response);
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      // Waiting less than Box asked would only earn another 429: give the answer back instead.
      if (retryAfter !== undefined && retryAfter > settings.maxRetryAfterMs) return finish(response);
      const delay = retryAfter ?? backoffDelay(retriesDone, settings);
      if (!withinBudget(started, delay, settings)) return finish(response);
      retriesDone++;
      emit(() => ({ type: "retry", method, url: safeUrl(), attempt, delayMs: delay, reason: `status ${response.status}` }));
      await discard(response);
      await sleep(delay, caller);
      token = await currentToken();
    }
  }

  /** Follows redirects itself so the bearer token goes only to trusted origins. */
  async function sendFollowingRedirects(original: Request, body: BodySource, token: string | undefined, signal: AbortSignal) {
    let url = original.url;
    let method = original.method;
    let payload: BodyInit | null = body.next();
    for (let hop = 0; ; hop++) {
      const headers = new Headers(original.headers);
      if (token !== undefined && (hop === 0 || trusted.has(new URL(url).origin))) headers.set("authorization", `Bearer ${token}`);
      else headers.delete("authorization");
      // A rebuilt FormData gets a new boundary, so its Content-Type must be recomputed.
      if (payload === null || payload instanceof FormData) headers.delete("content-type");
      const request = new Request(url, {
        method,
        headers,
        body: payload,
        signal,
        redirect: original.redirect === "follow" ? "manual" : original.redirect,
        ...(payload instanceof ReadableStream ? { duplex: "half" } : {}),
      });
      const response = await baseFetch(request);
      // Browsers hide manual redirects; there the Fetch standard itself strips
      // Authorization on cross-origin hops, so let the browser follow.
      if (response.type === "opaqueredirect" && original.redirect === "follow") {
        return baseFetch(new Request(request, { redirect: "follow", body: body.next() }));
      }
      const location = response.headers.get("location");
      const isRedirect = [301, 302, 303, 307, 308].includes(response.status) && location !== null;
      if (original.redirect !== "follow" || !isRedirect || hop >= MAX_REDIRECTS) return response;
      const dropsBody = response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST");
      if (!dropsBody && payload !== null && !body.replayable) return response;
      await discard(response);
      url = new URL(location, url).toString();
      if (dropsBody) {
        method = "GET";
        payload = null;
      } else if (payload !== null) {
        payload = body.next();
      }
    }
  }

  async function sendAndRemember(request: Request, settings: RequestSettings): Promise<Response> {
    const response = await send(request, settings);
    origins.set(response, new LazySummary(request.method, response.url || request.url));
    return response;
  }

  return {
    fetch: (request) => sendAndRemember(request, {}),
    withSettings: (settings) => (request) => sendAndRemember(request, settings),
  };
}

interface BodySource {
  replayable: boolean;
  next(): BodyInit | null;
}

async function bodySource(request: Request, replay: RequestSettings["replayableBody"]): Promise<BodySource> {
  if (request.body === null) return { replayable: true, next: () => null };
  if (typeof replay === "function") return { replayable: true, next: replay };
  // A stream is sent as it comes: buffering it to allow a retry could take the whole file into memory.
  if (replay === false || (replay === undefined && hasStreamedBody(request))) {
    let used = false;
    return {
      replayable: false,
      next: () => {
        if (used) throw new Error("a one-shot body cannot be sent twice");
        used = true;
        return request.body;
      },
    };
  }
  const bytes = await request.arrayBuffer();
  return { replayable: true, next: () => bytes };
}

/** Drops keys set to undefined, so they do not mask the defaults in a spread. */
function definedOnly<T extends object>(settings: T | undefined): Partial<T> {
  if (!settings) return {};
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function withinBudget(started: number, delay: number, policy: RetryPolicy): boolean {
  return Date.now() - started + delay <= policy.totalTimeoutMs;
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The body is being thrown away; a failure to cancel changes nothing.
  }
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Resolves like `promise`, or rejects with BoxAbortError as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The response with its body re-wrapped so that a caller's abort while the
 * body is being read surfaces as BoxAbortError (undici reports a bare
 * DOMException), including inside the typed client's `response.json()`.
 */
function abortAware(response: Response, signal: AbortSignal): Response {
  if (response.body === null || NULL_BODY_STATUSES.has(response.status)) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(signal.aborted ? abortError(signal) : error);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const wrapped = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // A constructed Response has no URL; error messages need it.
  Object.defineProperty(wrapped, "url", { value: response.url });
  return wrapped;
}

function abortError(signal: AbortSignal): BoxAbortError {
  return new BoxAbortError("The call was aborted by the caller", { cause: describe(signal.reason) });
}

function errorCode(value: unknown): string | undefined {
  return typeof value === "object" && value !== null && "code" in value && typeof value.code === "string" ? value.code : undefined;
}

/** A short, secret-free description of a transport failure (undici hides the real reason in `cause`). */
function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  const code = errorCode(cause.cause) ?? errorCode(cause);
  return `${cause.message}${inner}${code ? ` (${code})` : ""}`;
}
