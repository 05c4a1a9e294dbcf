import { describe, expect, it } from "vitest";
import { BoxClientError } from "../../src/index.js";
import { pickRealtimeServer, toLongPollServer } from "../../src/events/realtime.js";

describe("long-poll server info", () => {
  it("reads max_retries and retry_timeout whether Box sends strings or numbers", () => {
    const url = "https://realtime.example/subscribe?channel=1";
    expect(toLongPollServer({ type: "realtime_server", url, ttl: "10", max_retries: "7", retry_timeout: 610 })).toEqual({ url, maxRetries: 7, retryTimeoutMs: 610_000, ttlMs: 600_000 });
    expect(toLongPollServer({ type: "realtime_server", url, ttl: 10, max_retries: 7, retry_timeout: 30 })).toEqual({ url, maxRetries: 7, retryTimeoutMs: 30_000, ttlMs: 600_000 });
  });

  it("falls back to Box's documented values when fields are missing or garbled", () => {
    expect(toLongPollServer({ type: "realtime_server", url: "https://r.example/", max_retries: "many" })).toMatchObject({ maxRetries: 10, retryTimeoutMs: 610_000, ttlMs: undefined });
  });

  it("fails with a BoxClientError when no realtime server is listed", () => {
    expect(() => pickRealtimeServer({ chunk_size: 0, entries: [] })).toThrow(BoxClientError);
  });
});
