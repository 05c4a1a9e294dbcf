import { afterEach, describe, expect, it, vi } from "vitest";
import { StaticAccessToken } from "../../src/auth/token-provider.js";
import { BoxClient, BoxRateLimitError, BoxServerError } from "../../src/index.js";
import { createPipeline } from "../../src/http/pipeline.js";

afterEach(() => {
  vi.useRealTimers();
});

function answering(...statuses: Array<number | [number, Record<string, string>]>) {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request);
    const next = statuses[Math.min(seen.length - 1, statuses.length - 1)] ?? 200;
    const [status, headers] = Array.isArray(next) ? next : [next, {}];
    return new Response(status === 200 ? '{"type":"user","id":"1"}' : "", { status, headers: { "content-type": "application/json", ...headers } });
  };
  return { fetch, seen };
}

describe("pipeline", () => {
  it("sends the bearer token to trusted origins only", async () => {
    const { fetch, seen } = answering(200);
    const pipeline = createPipeline({ tokens: new StaticAccessToken("tok"), trustedOrigins: ["https://api.box.test"], fetch });
    await pipeline.fetch(new Request("https://api.box.test/2.0/users/me"));
    await pipeline.fetch(new Request("https://elsewhere.test/file"));
    expect(seen.map((r) => r.headers.get("authorization"))).toEqual(["Bearer tok", null]);
  });

  it("keeps working when the onEvent hook throws", async () => {
    const { fetch } = answering(200);
    const client = new BoxClient("tok", {
      baseUrl: "https://api.box.test/2.0",
      fetch,
      onEvent: () => {
        throw new Error("broken logger");
      },
    });
    await expect(client.getUserInfo()).resolves.toMatchObject({ id: "1" });
  });

  it("does not start a wait that would overrun totalTimeoutMs", async () => {
    const { fetch, seen } = answering([503, { "retry-after": "5" }], 200);
    const client = new BoxClient("tok", { baseUrl: "https://api.box.test/2.0", fetch, totalTimeoutMs: 4000 });
    await expect(client.getUserInfo()).rejects.toBeInstanceOf(BoxServerError);
    expect(seen).toHaveLength(1);
  });

  it("takes maxRetryAfterMs per call", async () => {
    const { fetch, seen } = answering([429, { "retry-after": "2" }], 200);
    const client = new BoxClient("tok", { baseUrl: "https://api.box.test/2.0", fetch });
    await expect(client.getUserInfo("me", { maxRetryAfterMs: 1000 })).rejects.toBeInstanceOf(BoxRateLimitError);
    expect(seen).toHaveLength(1);
  });

  it("backs off with growing, jittered waits when no Retry-After is given", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    vi.spyOn(Math, "random").mockReturnValue(1);
    const waits: number[] = [];
    const { fetch, seen } = answering(500, 500, 500, 200);
    const client = new BoxClient("tok", {
      baseUrl: "https://api.box.test/2.0",
      fetch,
      baseDelayMs: 100,
      onEvent: (event) => {
        if (event.type === "retry") waits.push(event.delayMs);
      },
    });
    const call = client.getUserInfo();
    await vi.advanceTimersByTimeAsync(100 + 200 + 400);
    await expect(call).resolves.toMatchObject({ id: "1" });
    expect(waits).toEqual([100, 200, 400]);
    expect(seen).toHaveLength(4);
    vi.restoreAllMocks();
  });

  it("does not re-send a one-shot body after a 401 and returns the 401", async () => {
    const { fetch, seen } = answering(401);
    let refreshes = 0;
    const tokens = {
      getAccessToken: async () => "tok",
      refreshAfterRejection: async () => {
        refreshes++;
        return "fresh";
      },
    };
    const pipeline = createPipeline({ tokens, trustedOrigins: ["https://api.box.test"], fetch });
    const response = await pipeline.withSettings({ replayableBody: false })(new Request("https://api.box.test/2.0/files/content", { method: "POST", body: "bytes" }));
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(1);
    expect(refreshes).toBe(0);
  });
});
