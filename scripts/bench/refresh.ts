/**
 * Refresh storm and Retry-After, box-ts against box-node-sdk, on the same
 * local fault server (127.0.0.1; single-use rotating refresh tokens, a
 * rate-limit window that answers 429 with the seconds left).
 *
 * Standalone: `npx tsx scripts/bench/refresh.ts`
 */
import { pathToFileURL } from "node:url";
import { BoxClient as SdkClient, BoxOAuth, OAuthConfig } from "box-node-sdk";
import { InMemoryTokenStorage } from "box-node-sdk/box";
import { BoxClient, CredentialsV2 } from "../../src/index.js";
import { startFaultServer, type FaultServer } from "../../test/support/fault-server.js";
import { formatRows } from "./report.js";
import type { Benchmark, BenchRow } from "./types.js";

const CLIENT_ID = "fault-client-id";
const CLIENT_SECRET = "fault-client-secret";
const STORM_CALLS = 100;
const RETRY_AFTER_WINDOW_MS = 2_000;
const RETRY_AFTER_RUNS = 8;
const ABORT_RUNS = 3;
const SDK = "box-node-sdk 10.12.0";

interface StormResult {
  tokenRequests: number;
  failed: number;
}

interface RetryAfterResult {
  /** Time between the first 429 and the next request the client sent. */
  firstWaitMs: number;
  /** The Retry-After value the first 429 carried, in ms. */
  retryAfterMs: number;
  /** Requests the client sent while the window was still closed. */
  refusedInWindow: number;
  /** Time from the first 429 to the call's end. */
  totalMs: number;
  failed: boolean;
}

async function withServer<T>(run: (server: FaultServer) => Promise<T>): Promise<T> {
  // The token endpoint answers after 50 ms, as a real one takes a while: concurrent callers overlap.
  const server = await startFaultServer({ tokenDelayMs: 50 });
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

/** `accessToken` "stale-access" is refused by the server; its current token is accepted. */
function boxTs(server: FaultServer, accessToken: string): BoxClient {
  // Expiry unknown, as with the SDK: a stale token is discovered through 401s.
  const credentials = new CredentialsV2(accessToken, server.currentRefreshToken(), CLIENT_ID, CLIENT_SECRET, {
    tokenUrl: `${server.url}/oauth2/token`,
  });
  return new BoxClient(credentials, { baseUrl: `${server.url}/2.0`, uploadUrl: server.url });
}

function sdk(server: FaultServer, accessToken: string): SdkClient {
  const tokenStorage = new InMemoryTokenStorage({
    token: { accessToken, refreshToken: server.currentRefreshToken(), tokenType: "bearer" },
  });
  const auth = new BoxOAuth({ config: new OAuthConfig({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenStorage }) });
  // The SDK appends /2.0 to baseUrl itself and sends token requests to baseUrl + /oauth2/token.
  return new SdkClient({ auth }).withCustomBaseUrls({ baseUrl: server.url, uploadUrl: server.url, oauth2Url: server.url });
}

async function storm(call: (server: FaultServer) => () => Promise<unknown>): Promise<StormResult> {
  return withServer(async (server) => {
    const one = call(server);
    const results = await Promise.allSettled(Array.from({ length: STORM_CALLS }, () => one()));
    return { tokenRequests: server.tokenRequests().length, failed: results.filter((r) => r.status === "rejected").length };
  });
}

async function retryAfter(call: (server: FaultServer) => () => Promise<unknown>): Promise<RetryAfterResult> {
  return withServer(async (server) => {
    const one = call(server);
    server.rateLimit("/2.0/users/me", RETRY_AFTER_WINDOW_MS);
    const windowEnds = performance.now() + RETRY_AFTER_WINDOW_MS;
    const failed = await one().then(
      () => false,
      () => true,
    );
    const ended = performance.now();
    const calls = server.requestsTo("/2.0/users/me");
    const [first, second] = calls;
    return {
      firstWaitMs: first && second ? second.at - first.at : Number.NaN,
      retryAfterMs: first ? Math.max(1, Math.ceil((windowEnds - first.at) / 1000)) * 1000 : Number.NaN,
      refusedInWindow: calls.filter((r) => r.at < windowEnds).length - 1,
      totalMs: first ? ended - first.at : Number.NaN,
      failed,
    };
  });
}

interface AbortResult {
  /** Time from abort() to the call's rejection. */
  msToReject: number;
  /** Requests the server saw after the abort. */
  requestsAfterAbort: number;
  rejected: boolean;
}

/** The server never answers; the caller aborts once the request arrived. */
async function abortRun(call: (server: FaultServer, signal: AbortSignal) => Promise<unknown>): Promise<AbortResult> {
  return withServer(async (server) => {
    server.enqueue("/2.0/users/me", ...Array.from({ length: 10 }, () => ({ stall: true as const })));
    const controller = new AbortController();
    const outcome = call(server, controller.signal).then(
      () => false,
      () => true,
    );
    await server.waitForRequests(1);
    const before = server.requests.length;
    const aborted = performance.now();
    controller.abort();
    const rejected = await outcome;
    return { msToReject: performance.now() - aborted, requestsAfterAbort: server.requests.length - before, rejected };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const ratio = (value: number, baseline: number) => (baseline === 0 ? undefined : Number((value / baseline).toPrecision(3)));

async function run(): Promise<BenchRow[]> {
  const stormName = `refresh storm (${STORM_CALLS} concurrent calls, stale token, expiry unknown)`;
  const ours = await storm((server) => {
    const client = boxTs(server, "stale-access");
    return () => client.getUserInfo();
  });
  const theirs = await storm((server) => {
    const client = sdk(server, "stale-access");
    return () => client.users.getUserMe();
  });

  const waits = { ours: [] as RetryAfterResult[], theirs: [] as RetryAfterResult[] };
  // Interleaved, so both meet the same machine conditions.
  for (let i = 0; i < RETRY_AFTER_RUNS; i++) {
    waits.ours.push(
      // A valid token here, so only the rate limit is measured.
      await retryAfter((server) => {
        const client = boxTs(server, server.currentAccessToken());
        return () => client.getUserInfo();
      }),
    );
    waits.theirs.push(
      await retryAfter((server) => {
        const client = sdk(server, server.currentAccessToken());
        return () => client.users.getUserMe();
      }),
    );
  }
  const retryName = `429 + Retry-After (${RETRY_AFTER_WINDOW_MS / 1000} s window enforced, valid token, ${RETRY_AFTER_RUNS} runs)`;
  const summary = (results: RetryAfterResult[]) => ({
    wait: median(results.map((r) => r.firstWaitMs)),
    spread: `min-max ${Math.round(Math.min(...results.map((r) => r.firstWaitMs)))}-${Math.round(Math.max(...results.map((r) => r.firstWaitMs)))}`,
    asked: median(results.map((r) => r.retryAfterMs)),
    off: median(results.map((r) => Math.abs(r.firstWaitMs - r.retryAfterMs))),
    total: median(results.map((r) => r.totalMs)),
    early: results.reduce((sum, r) => sum + r.refusedInWindow, 0),
    failed: results.filter((r) => r.failed).length,
  });
  const a = summary(waits.ours);
  const b = summary(waits.theirs);

  const aborts = { ours: [] as AbortResult[], theirs: [] as AbortResult[] };
  for (let i = 0; i < ABORT_RUNS; i++) {
    aborts.ours.push(await abortRun((server, signal) => boxTs(server, server.currentAccessToken()).getUserInfo("me", { signal })));
    aborts.theirs.push(await abortRun((server, signal) => sdk(server, server.currentAccessToken()).users.getUserMe(undefined, undefined, signal)));
  }
  const abortName = `abort of a stalled call (${ABORT_RUNS} runs)`;
  const abortSummary = (results: AbortResult[]) => ({
    ms: median(results.map((r) => r.msToReject)),
    spread: `min-max ${Math.round(Math.min(...results.map((r) => r.msToReject)))}-${Math.round(Math.max(...results.map((r) => r.msToReject)))}`,
    after: results.reduce((sum, r) => sum + r.requestsAfterAbort, 0),
    rejected: results.filter((r) => r.rejected).length,
  });
  const c = abortSummary(aborts.ours);
  const d = abortSummary(aborts.theirs);

  return [
    { benchmark: stormName, subject: "box-ts", metric: "token requests", value: ours.tokenRequests, ratio: ratio(ours.tokenRequests, theirs.tokenRequests), note: "single-flight refresh" },
    { benchmark: stormName, subject: SDK, metric: "token requests", value: theirs.tokenRequests, note: "one refresh per 401" },
    { benchmark: stormName, subject: "box-ts", metric: "calls failed", value: ours.failed, ratio: ratio(ours.failed, theirs.failed) },
    { benchmark: stormName, subject: SDK, metric: "calls failed", value: theirs.failed, note: "reused refresh tokens get invalid_grant" },
    { benchmark: retryName, subject: "box-ts", metric: "median ms before 1st retry", value: Math.round(a.wait), spread: a.spread, ratio: ratio(a.wait, b.wait), note: `Retry-After asked ${a.asked} ms` },
    { benchmark: retryName, subject: SDK, metric: "median ms before 1st retry", value: Math.round(b.wait), spread: b.spread, note: `Retry-After asked ${b.asked} ms; it reads 'Retry-After' from lower-cased headers, so backs off 2^n s x [0.5,1.5] instead` },
    { benchmark: retryName, subject: "box-ts", metric: "median |1st wait - Retry-After| ms", value: Math.round(a.off), ratio: ratio(a.off, b.off) },
    { benchmark: retryName, subject: SDK, metric: "median |1st wait - Retry-After| ms", value: Math.round(b.off) },
    { benchmark: retryName, subject: "box-ts", metric: "median ms from 1st 429 to success", value: Math.round(a.total), ratio: ratio(a.total, b.total) },
    { benchmark: retryName, subject: SDK, metric: "median ms from 1st 429 to success", value: Math.round(b.total), note: "a retry sent too early earns another 429 and a longer backoff" },
    { benchmark: retryName, subject: "box-ts", metric: "requests sent inside the window (all runs)", value: a.early },
    { benchmark: retryName, subject: SDK, metric: "requests sent inside the window (all runs)", value: b.early },
    { benchmark: retryName, subject: "box-ts", metric: "calls failed", value: a.failed },
    { benchmark: retryName, subject: SDK, metric: "calls failed", value: b.failed },
    { benchmark: abortName, subject: "box-ts", metric: "median ms from abort to rejection", value: Math.round(c.ms * 10) / 10, spread: c.spread, ratio: ratio(c.ms, d.ms), note: `${c.rejected}/${ABORT_RUNS} rejected (BoxAbortError)` },
    { benchmark: abortName, subject: SDK, metric: "median ms from abort to rejection", value: Math.round(d.ms * 10) / 10, spread: d.spread, note: `${d.rejected}/${ABORT_RUNS} rejected; the abort counts as a network error: it waits out 2 retry backoffs (2^n s x [0.5,1.5]), whose re-sends fail at once on the aborted signal` },
    { benchmark: abortName, subject: "box-ts", metric: "requests sent after the abort (all runs)", value: c.after },
    { benchmark: abortName, subject: SDK, metric: "requests sent after the abort (all runs)", value: d.after },
  ];
}

export const refreshBenchmark: Benchmark = {
  name: "refresh",
  description: `A refresh storm (${STORM_CALLS} concurrent calls on a stale token), a 429 with Retry-After and an aborted call, box-ts vs ${SDK}, on one local server that enforces single-use refresh tokens and the rate-limit window.`,
  run,
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await refreshBenchmark.run();
  console.log(formatRows(rows));
}
