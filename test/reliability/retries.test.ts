import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BoxClient, BoxConnectionError, BoxRateLimitError, BoxServerError, BoxTimeoutError, type PipelineEvent } from "../../src/index.js";
import { createPipeline } from "../../src/http/pipeline.js";
import { StaticAccessToken } from "../../src/auth/token-provider.js";
import { startFaultServer, type FaultServer } from "../support/fault-server.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer({ accessToken: "live-token" });
});
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

function clientFor(options: { maxRetries?: number; events?: PipelineEvent[]; timeoutMs?: number; totalTimeoutMs?: number } = {}) {
  return new BoxClient("live-token", {
    baseUrl: server.url,
    uploadUrl: server.url,
    // Tiny backoff: these tests are about which attempts happen, not how long they wait.
    baseDelayMs: 1,
    maxDelayMs: 2,
    maxRetries: options.maxRetries ?? 4,
    timeoutMs: options.timeoutMs,
    totalTimeoutMs: options.totalTimeoutMs,
    onEvent: (event) => options.events?.push(event),
  });
}

/** Lets real sockets make progress while fake timers stand still. */
async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe("Retry-After", () => {
  it("waits exactly the seconds Retry-After asks before the second attempt", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const events: PipelineEvent[] = [];
    server.enqueue("/users/me", { status: 429, headers: { "retry-after": "7", "content-type": "application/json" }, body: '{"type":"error","status":429,"code":"rate_limit_exceeded"}' });
    const call = clientFor({ events }).getUserInfo();
    await until(() => events.some((e) => e.type === "retry"));
    expect(events.find((e) => e.type === "retry")).toMatchObject({ delayMs: 7000 });
    const attempts = () => events.filter((e) => e.type === "request").length;
    await vi.advanceTimersByTimeAsync(6999);
    expect(attempts()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts()).toBe(2);
    await expect(call).resolves.toMatchObject({ id: "11446498" });
  });

  it("honours Retry-After given as an HTTP date", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: Date.parse("2026-01-01T00:00:00Z") });
    const events: PipelineEvent[] = [];
    server.enqueue("/users/me", { status: 503, headers: { "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" } });
    const call = clientFor({ events }).getUserInfo();
    await until(() => events.some((e) => e.type === "retry"));
    expect(events.find((e) => e.type === "retry")).toMatchObject({ delayMs: 5000 });
    const attempts = () => events.filter((e) => e.type === "request").length;
    await vi.advanceTimersByTimeAsync(4999);
    expect(attempts()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts()).toBe(2);
    await expect(call).resolves.toMatchObject({ id: "11446498" });
  });

  it("gives the 429 back at once when Retry-After is longer than maxRetryAfterMs", async () => {
    server.enqueue("/users/me", { status: 429, headers: { "retry-after": "3600" } });
    const error = await clientFor().getUserInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxRateLimitError);
    expect(server.requestsTo("/users/me")).toHaveLength(1);
  });
});

describe("retries", () => {
  it("succeeds on the third attempt after 503, 503", async () => {
    server.enqueue("/users/me", { status: 503 }, { status: 503 });
    await expect(clientFor().getUserInfo()).resolves.toMatchObject({ id: "11446498" });
    expect(server.requestsTo("/users/me")).toHaveLength(3);
  });

  it("stops after maxRetries and throws BoxServerError", async () => {
    server.enqueue("/users/me", { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    await expect(clientFor({ maxRetries: 2 }).getUserInfo()).rejects.toBeInstanceOf(BoxServerError);
    expect(server.requestsTo("/users/me")).toHaveLength(3);
  });

  it("takes maxRetries per call over the client's default", async () => {
    server.enqueue("/users/me", { status: 502 }, { status: 502 });
    await expect(clientFor({ maxRetries: 4 }).getUserInfo("me", { maxRetries: 0 })).rejects.toBeInstanceOf(BoxServerError);
    expect(server.requestsTo("/users/me")).toHaveLength(1);
  });

  it("does not retry a 501", async () => {
    server.enqueue("/users/me", { status: 501 });
    await expect(clientFor().getUserInfo()).rejects.toBeInstanceOf(BoxServerError);
    expect(server.requestsTo("/users/me")).toHaveLength(1);
  });

  it("retries a GET whose connection was reset", async () => {
    server.enqueue("/users/me", { reset: true });
    await expect(clientFor().getUserInfo()).resolves.toMatchObject({ id: "11446498" });
    expect(server.requestsTo("/users/me")).toHaveLength(2);
  });

  it("throws BoxConnectionError when every attempt is reset", async () => {
    server.enqueue("/users/me", { reset: true }, { reset: true }, { reset: true });
    await expect(clientFor({ maxRetries: 2 }).getUserInfo()).rejects.toBeInstanceOf(BoxConnectionError);
    expect(server.requestsTo("/users/me")).toHaveLength(3);
  });

  it("re-sends a buffered JSON body identically on a retry", async () => {
    server.enqueue("/files/123/copy", { status: 503 });
    const client = clientFor();
    const { response } = await client.api.POST("/files/{file_id}/copy", { params: { path: { file_id: "123" } }, body: { parent: { id: "0" }, name: "copy.txt" } });
    expect(response.status).toBe(200);
    const sizes = server.requestsTo("/files/123/copy").map((r) => r.bodyBytes);
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).toBeGreaterThan(0);
    expect(sizes[1]).toBe(sizes[0]);
  });

  it("does not retry a streamed upload whose connection was reset", async () => {
    server.enqueue("/files/content", { reset: true });
    const pipeline = createPipeline({ tokens: new StaticAccessToken("live-token"), trustedOrigins: [server.url], defaults: { baseDelayMs: 1, maxRetries: 4 } });
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        if (pulls > 3) controller.close();
        else controller.enqueue(new TextEncoder().encode("chunk of a large file\n"));
      },
    });
    const request = new Request(`${server.url}/files/content`, { method: "POST", body: stream, duplex: "half" } as RequestInit);
    await expect(pipeline.withSettings({ replayableBody: false })(request)).rejects.toBeInstanceOf(BoxConnectionError);
    expect(server.requestsTo("/files/content")).toHaveLength(1);
  });

  it("does not retry or buffer a stream handed to the typed client", async () => {
    server.enqueue("/files/content", { reset: true });
    const client = clientFor();
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        if (pulls > 3) controller.close();
        else controller.enqueue(new TextEncoder().encode("chunk of a large file\n"));
      },
    });
    const call = client.api.POST("/files/content", {
      baseUrl: server.url,
      body: { attributes: "{}", file: new Blob([]) },
      // The app streams the multipart body itself.
      bodySerializer: () => stream,
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    await expect(call).rejects.toBeInstanceOf(BoxConnectionError);
    expect(server.requestsTo("/files/content")).toHaveLength(1);
  });

  it("re-sends a body built fresh per attempt when replayableBody is a function", async () => {
    server.enqueue("/files/content", { status: 503 });
    const pipeline = createPipeline({ tokens: new StaticAccessToken("live-token"), trustedOrigins: [server.url], defaults: { baseDelayMs: 1 } });
    let built = 0;
    const fresh = () => {
      built++;
      return new Blob(["part bytes"]);
    };
    const request = new Request(`${server.url}/files/content`, { method: "POST", body: fresh() });
    built = 0;
    const response = await pipeline.withSettings({ replayableBody: fresh })(request);
    expect(response.status).toBe(200);
    expect(built).toBe(2);
    expect(server.requestsTo("/files/content").map((r) => r.bodyBytes)).toEqual([10, 10]);
  });
});

describe("timeouts", () => {
  it("throws BoxTimeoutError when an attempt gets no answer within timeoutMs", async () => {
    server.enqueue("/users/me", { stall: true });
    await expect(clientFor({ maxRetries: 0, timeoutMs: 50 }).getUserInfo()).rejects.toBeInstanceOf(BoxTimeoutError);
    expect(server.requestsTo("/users/me")).toHaveLength(1);
  });

  it("retries an attempt that timed out", async () => {
    server.enqueue("/users/me", { stall: true });
    await expect(clientFor({ timeoutMs: 50 }).getUserInfo()).resolves.toMatchObject({ id: "11446498" });
    expect(server.requestsTo("/users/me")).toHaveLength(2);
  });

  it("ends the call with BoxTimeoutError once totalTimeoutMs is spent, even inside an attempt", async () => {
    server.enqueue("/users/me", { stall: true });
    const error = await clientFor({ timeoutMs: 60_000, totalTimeoutMs: 50 }).getUserInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxTimeoutError);
    expect(String(error)).toContain("total budget");
    expect(server.requestsTo("/users/me")).toHaveLength(1);
  });
});

describe("redirects", () => {
  it("does not send the bearer token to a redirect target on another origin", async () => {
    const foreign = await startFaultServer({ accessToken: "never-sent" });
    try {
      server.enqueue("/files/1/content", { status: 302, headers: { location: `${foreign.url}/signed/download` } });
      const { response } = await clientFor().api.GET("/files/{file_id}/content", { params: { path: { file_id: "1" } }, parseAs: "stream" });
      expect(server.requestsTo("/files/1/content")[0]?.authorization).toBe("Bearer live-token");
      expect(foreign.requestsTo("/signed/download")).toHaveLength(1);
      expect(foreign.requestsTo("/signed/download")[0]?.authorization).toBeUndefined();
      expect(response.status).toBe(401);
    } finally {
      await foreign.close();
    }
  });
});
