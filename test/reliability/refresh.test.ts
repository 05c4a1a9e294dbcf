import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BoxAccountUnauthorizedError, BoxAuthenticationError, BoxClient, CredentialsV2 } from "../../src/index.js";
import { startFaultServer, type FaultServer } from "../support/fault-server.js";

const CLIENT_ID = "fault-client-id";
const CLIENT_SECRET = "fault-client-secret";

let server: FaultServer;
beforeEach(async () => {
  // The token endpoint answers slowly so that concurrent callers really overlap with the refresh.
  server = await startFaultServer({ tokenDelayMs: 50 });
});
afterEach(async () => {
  await server.close();
});

function credentials(options: { expiresAt?: number; onRefresh?: (access: string, refresh: string) => void | Promise<void> } = {}) {
  return new CredentialsV2("stale-access", server.currentRefreshToken(), CLIENT_ID, CLIENT_SECRET, {
    tokenUrl: `${server.url}/oauth2/token`,
    expiresAt: options.expiresAt,
    refreshCallback: options.onRefresh,
  });
}

function clientFor(tokens: CredentialsV2 | string) {
  return new BoxClient(tokens, { baseUrl: server.url, uploadUrl: server.url, maxRetries: 0 });
}

describe("refresh storm", () => {
  it("sends exactly one token request for 100 concurrent calls when the known expiry has passed", async () => {
    const saved: Array<[string, string]> = [];
    const client = clientFor(credentials({ expiresAt: Date.now() - 1000, onRefresh: (a, r) => void saved.push([a, r]) }));
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => client.getUserInfo()));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(100);
    expect(server.tokenRequests()).toHaveLength(1);
    expect(saved).toEqual([[server.currentAccessToken(), server.currentRefreshToken()]]);
  });

  it("sends exactly one token request for 100 concurrent calls that all get a 401 (expiry unknown)", async () => {
    let callbacks = 0;
    const client = clientFor(credentials({ onRefresh: () => void callbacks++ }));
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => client.api.GET("/users/me")));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value.response.status : r.reason))).toEqual(Array(100).fill(200));
    expect(server.tokenRequests()).toHaveLength(1);
    expect(callbacks).toBe(1);
  });

  it("awaits an async refresh callback before the new token is sent", async () => {
    const events: string[] = [];
    const tokens = credentials({
      expiresAt: 0,
      onRefresh: async () => {
        events.push("callback started");
        await new Promise((resolve) => setTimeout(resolve, 30));
        events.push(`callback done after ${server.requestsTo("/users/me").length} API requests`);
      },
    });
    await clientFor(tokens).getUserInfo();
    expect(events).toEqual(["callback started", "callback done after 0 API requests"]);
    expect(server.requestsTo("/users/me")[0]?.authorization).toBe(`Bearer ${server.currentAccessToken()}`);
  });
});

describe("401 handling", () => {
  it("refreshes once and re-sends once on a 401, then succeeds", async () => {
    const client = clientFor(credentials());
    const me = await client.getUserInfo();
    expect(me.id).toBe("11446498");
    expect(server.requestsTo("/users/me").map((r) => r.authorization)).toEqual(["Bearer stale-access", "Bearer access-1"]);
    expect(server.tokenRequests()).toHaveLength(1);
  });

  it("throws BoxAccountUnauthorizedError when the re-sent request also gets a 401", async () => {
    const client = clientFor(credentials());
    server.enqueue("/users/me", { status: 401 }, { status: 401 });
    const error = await client.getUserInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxAccountUnauthorizedError);
    expect(server.requestsTo("/users/me")).toHaveLength(2);
    expect(server.tokenRequests()).toHaveLength(1);
  });

  it("throws BoxAccountUnauthorizedError on a 401 with a bare access token, without any token request", async () => {
    const error = await clientFor("bare-token").getUserInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxAccountUnauthorizedError);
    expect(error).toMatchObject({ status: 401, code: "invalid_token" });
    expect(server.tokenRequests()).toHaveLength(0);
  });
});

describe("refresh failure", () => {
  it("rejects every waiting caller with the same BoxAuthenticationError after one refused refresh", async () => {
    const tokens = new CredentialsV2("stale-access", "refresh-already-used", CLIENT_ID, CLIENT_SECRET, {
      tokenUrl: `${server.url}/oauth2/token`,
      expiresAt: 0,
    });
    const client = clientFor(tokens);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => client.getUserInfo()));
    const reasons = results.map((r) => (r.status === "rejected" ? r.reason : undefined));
    expect(reasons[0]).toBeInstanceOf(BoxAuthenticationError);
    expect(reasons[0]).toMatchObject({ status: 400, code: "invalid_grant" });
    expect(new Set(reasons).size).toBe(1);
    expect(server.tokenRequests()).toHaveLength(1);
  });

  it("does not ask again with a refresh token Box already refused", async () => {
    const tokens = new CredentialsV2("stale-access", "refresh-already-used", CLIENT_ID, CLIENT_SECRET, {
      tokenUrl: `${server.url}/oauth2/token`,
    });
    const client = clientFor(tokens);
    await expect(client.getUserInfo()).rejects.toBeInstanceOf(BoxAuthenticationError);
    await expect(client.getUserInfo()).rejects.toBeInstanceOf(BoxAuthenticationError);
    expect(server.tokenRequests()).toHaveLength(1);
    expect(server.requestsTo("/users/me")).toHaveLength(2);
  });

  it("never sends a refresh token twice across consecutive refreshes", async () => {
    const tokens = credentials();
    await tokens.refresh();
    await tokens.refresh();
    await tokens.refresh();
    const sent = server.tokenRequests().map((r) => r.form?.get("refresh_token"));
    expect(sent).toEqual(["refresh-0", "refresh-1", "refresh-2"]);
    expect(tokens.accessToken).toBe("access-3");
  });
});
