import { afterEach, describe, expect, it, vi } from "vitest";
import { BoxAuthenticationError, BoxClientError, CredentialsV2 } from "../../src/index.js";

const TOKEN_URL = "https://auth.box.test/oauth2/token";

/** A token endpoint that rotates single-use refresh tokens, as Box does. */
function tokenEndpoint(options: { expiresIn?: number; failWith?: number } = {}) {
  let generation = 0;
  let valid = "refresh-0";
  const sent: URLSearchParams[] = [];
  const fetch = async (request: Request) => {
    const form = new URLSearchParams(await request.text());
    sent.push(form);
    if (options.failWith) return new Response("", { status: options.failWith });
    if (form.get("refresh_token") !== valid) {
      return Response.json({ error: "invalid_grant", error_description: "Invalid refresh token" }, { status: 400 });
    }
    generation++;
    valid = `refresh-${generation}`;
    return Response.json({ access_token: `access-${generation}`, refresh_token: valid, expires_in: options.expiresIn ?? 3600, token_type: "bearer" });
  };
  return { fetch, sent };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("CredentialsV2", () => {
  it("does not refresh before the margin ahead of a known expiry", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 0 });
    const endpoint = tokenEndpoint();
    const credentials = new CredentialsV2("access-0", "refresh-0", "id", "secret", { tokenUrl: TOKEN_URL, fetch: endpoint.fetch, expiresAt: 600_000, refreshMarginMs: 60_000 });
    vi.setSystemTime(539_999);
    expect(await credentials.getAccessToken()).toBe("access-0");
    expect(endpoint.sent).toHaveLength(0);
  });

  it("refreshes ahead of a known expiry, within the margin", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 0 });
    const endpoint = tokenEndpoint();
    const credentials = new CredentialsV2("access-0", "refresh-0", "id", "secret", { tokenUrl: TOKEN_URL, fetch: endpoint.fetch, expiresAt: new Date(600_000), refreshMarginMs: 60_000 });
    vi.setSystemTime(540_000);
    expect(await credentials.getAccessToken()).toBe("access-1");
    expect(endpoint.sent).toHaveLength(1);
  });

  it("schedules the next refresh from expires_in", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 0 });
    const endpoint = tokenEndpoint({ expiresIn: 3600 });
    const credentials = new CredentialsV2("access-0", "refresh-0", "id", "secret", { tokenUrl: TOKEN_URL, fetch: endpoint.fetch, expiresAt: 0 });
    expect(await credentials.getAccessToken()).toBe("access-1");
    vi.setSystemTime(3600_000 - 60_001);
    expect(await credentials.getAccessToken()).toBe("access-1");
    vi.setSystemTime(3600_000 - 60_000);
    expect(await credentials.getAccessToken()).toBe("access-2");
    expect(endpoint.sent.map((f) => f.get("refresh_token"))).toEqual(["refresh-0", "refresh-1"]);
  });

  it("joins one refresh however many callers ask at once", async () => {
    const endpoint = tokenEndpoint();
    const credentials = new CredentialsV2("access-0", "refresh-0", "id", "secret", { tokenUrl: TOKEN_URL, fetch: endpoint.fetch, expiresAt: 0 });
    const tokens = await Promise.all(Array.from({ length: 50 }, () => credentials.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(["access-1"]));
    expect(endpoint.sent).toHaveLength(1);
  });

  it("calls a synchronous callback with the new pair on every refresh", async () => {
    const endpoint = tokenEndpoint();
    const saved: string[][] = [];
    const credentials = new CredentialsV2("access-0", "refresh-0", "id", "secret", {
      tokenUrl: TOKEN_URL,
      fetch: endpoint.fetch,
      refreshCallback: (access, refresh) => void saved.push([access, refresh]),
    });
    await credentials.refresh();
    await credentials.refresh();
    expect(saved).toEqual([
      ["access-1", "refresh-1"],
      ["access-2", "refresh-2"],
    ]);
  });

  it("does not hand out the new token before an async callback has finished", async () => {
    const endpoint = tokenEndpoint();
    let release: () => void = () => undefined;
    const credentials = new CredentialsV2("access-0", "refresh-0", "id", "secret", {
      tokenUrl: TOKEN_URL,
      fetch: endpoint.fetch,
      refreshCallback: () => new Promise<void>((resolve) => (release = resolve)),
    });
    let settled = false;
    const refreshed = credentials.refresh().then((token) => {
      settled = true;
      return token;
    });
    await vi.waitFor(() => expect(endpoint.sent).toHaveLength(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(credentials.accessToken).toBe("access-0");
    release();
    expect(await refreshed).toBe("access-1");
  });

  it("rejects with a BoxClientError that quotes no token when the callback fails, and keeps the new pair", async () => {
    const endpoint = tokenEndpoint();
    const credentials = new CredentialsV2("access-0", "refresh-0", "id", "secret", {
      tokenUrl: TOKEN_URL,
      fetch: endpoint.fetch,
      refreshCallback: (access, refresh) => {
        throw new Error(`disk full while saving ${access} / ${refresh}`);
      },
    });
    const error = await credentials.refresh().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxClientError);
    expect(String(error)).toContain("disk full");
    expect(String(error)).not.toContain("access-1");
    expect(String(error)).not.toContain("refresh-1");
    expect(credentials.accessToken).toBe("access-1");
    expect(credentials.refreshToken).toBe("refresh-1");
  });

  it("tries again after a refresh that failed for a transient reason", async () => {
    const failing = tokenEndpoint({ failWith: 503 });
    const credentials = new CredentialsV2("access-0", "refresh-0", "id", "secret", { tokenUrl: TOKEN_URL, fetch: failing.fetch });
    await expect(credentials.refresh()).rejects.toBeInstanceOf(BoxAuthenticationError);
    await expect(credentials.refresh()).rejects.toBeInstanceOf(BoxAuthenticationError);
    expect(failing.sent).toHaveLength(2);
  });

  it("cannot refresh without a refresh token, client id and secret", async () => {
    const credentials = new CredentialsV2("access-0");
    expect(credentials.canRefresh).toBe(false);
    expect(await credentials.refreshAfterRejection("access-0")).toBeUndefined();
    await expect(credentials.refresh()).rejects.toBeInstanceOf(BoxClientError);
  });

  it("uses a token someone else already refreshed instead of refreshing again after a 401", async () => {
    const endpoint = tokenEndpoint();
    const credentials = new CredentialsV2("access-0", "refresh-0", "id", "secret", { tokenUrl: TOKEN_URL, fetch: endpoint.fetch });
    await credentials.refresh();
    expect(await credentials.refreshAfterRejection("access-0")).toBe("access-1");
    expect(endpoint.sent).toHaveLength(1);
  });
});
