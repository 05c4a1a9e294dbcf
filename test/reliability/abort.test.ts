import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BoxAbortError, BoxClient, CredentialsV2 } from "../../src/index.js";
import { startFaultServer, type FaultServer } from "../support/fault-server.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer({ accessToken: "live-token" });
});
afterEach(async () => {
  await server.close();
});

function clientFor(credentials: string | CredentialsV2 = "live-token") {
  // A long per-attempt timeout and many retries: only the abort can end these calls.
  return new BoxClient(credentials, { baseUrl: server.url, uploadUrl: server.url, timeoutMs: 600_000, maxRetries: 10, baseDelayMs: 1 });
}

describe("abort", () => {
  it("ends a stalled call with BoxAbortError and does not retry it", async () => {
    server.enqueue("/users/me", { stall: true }, { stall: true });
    const controller = new AbortController();
    const call = clientFor().getUserInfo("me", { signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(BoxAbortError);
    expect(server.requestsTo("/users/me")).toHaveLength(1);
  });

  it("ends a call waiting out a Retry-After with BoxAbortError", async () => {
    server.enqueue("/users/me", { status: 429, headers: { "retry-after": "50" } });
    const controller = new AbortController();
    const client = new BoxClient("live-token", {
      baseUrl: server.url,
      onEvent: (event) => {
        if (event.type === "retry") controller.abort();
      },
    });
    await expect(client.getUserInfo("me", { signal: controller.signal })).rejects.toBeInstanceOf(BoxAbortError);
    expect(server.requestsTo("/users/me")).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    await expect(clientFor().getUserInfo("me", { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(BoxAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it("ends a call waiting for a slow refresh with BoxAbortError", async () => {
    server.enqueue("/oauth2/token", { stall: true });
    const credentials = new CredentialsV2("stale", "refresh-0", "fault-client-id", "fault-client-secret", {
      tokenUrl: `${server.url}/oauth2/token`,
      expiresAt: 0,
    });
    const controller = new AbortController();
    const call = clientFor(credentials).getUserInfo("me", { signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(BoxAbortError);
    expect(server.requestsTo("/users/me")).toHaveLength(0);
  });

  it("surfaces an abort while the response body is being read as BoxAbortError", async () => {
    // Headers and half a JSON body arrive, then the server goes quiet.
    server.enqueue("/users/me", { status: 200, headers: { "content-type": "application/json" }, body: '{"type":"user",', hang: true });
    const controller = new AbortController();
    const client = new BoxClient("live-token", {
      baseUrl: server.url,
      // Abort the moment the headers are in, so the abort lands while the body is read.
      onEvent: (event) => {
        if (event.type === "response") controller.abort();
      },
    });
    await expect(client.getUserInfo("me", { signal: controller.signal })).rejects.toBeInstanceOf(BoxAbortError);
    expect(server.requestsTo("/users/me")).toHaveLength(1);
  });

  it("passes the typed client's own signal through the pipeline", async () => {
    server.enqueue("/users/me", { stall: true });
    const controller = new AbortController();
    const call = clientFor().api.GET("/users/me", { signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(BoxAbortError);
    expect(server.requestsTo("/users/me")).toHaveLength(1);
  });
});
