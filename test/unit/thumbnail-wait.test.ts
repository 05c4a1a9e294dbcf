import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BoxAbortError, BoxClient } from "../../src/index.js";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

/** A fetch that answers with the given responses in order, counting requests. */
function scripted(...responses: Array<() => Response>) {
  let calls = 0;
  const fetch = async (): Promise<Response> => {
    const next = responses[Math.min(calls, responses.length - 1)];
    calls++;
    if (!next) throw new Error("no scripted response");
    return next();
  };
  const client = new BoxClient("token", { baseUrl: "https://api.box.test/2.0", fetch, maxRetries: 0 });
  return { client, calls: () => calls };
}

const pending = (seconds: number) => () => new Response(null, { status: 202, headers: { "retry-after": String(seconds), location: "https://cdn.box.test/placeholder.png" } });
const ready = () => new Response(PNG, { status: 200, headers: { "content-type": "image/png" } });

describe("getThumbnail waiting", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits Retry-After and asks again while within maxWait", async () => {
    const { client, calls } = scripted(pending(2), ready);
    const result = client.getThumbnail("12345", { maxWait: 5 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(PNG);
    expect(calls()).toBe(2);
  });

  it("keeps waiting across several 202s until the thumbnail is ready", async () => {
    const { client, calls } = scripted(pending(1), pending(1), ready);
    const result = client.getThumbnail("12345", { maxWait: 3 });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(result).resolves.toEqual(PNG);
    expect(calls()).toBe(3);
  });

  it("returns null without waiting when Retry-After would end beyond maxWait", async () => {
    const { client, calls } = scripted(pending(10), ready);
    await expect(client.getThumbnail("12345", { maxWait: 5 })).resolves.toBeNull();
    expect(calls()).toBe(1);
  });

  it("returns null once the waits used up maxWait", async () => {
    const { client, calls } = scripted(pending(2), pending(2), ready);
    const result = client.getThumbnail("12345", { maxWait: 3 });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(result).resolves.toBeNull();
    expect(calls()).toBe(2);
  });

  it("stops waiting when the caller aborts", async () => {
    const { client, calls } = scripted(pending(2), ready);
    const controller = new AbortController();
    const result = client.getThumbnail("12345", { maxWait: 10, signal: controller.signal });
    const settled = expect(result).rejects.toBeInstanceOf(BoxAbortError);
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    await settled;
    expect(calls()).toBe(1);
  });

  it("returns null for a 302 placeholder without following it", async () => {
    const { client, calls } = scripted(() => new Response(null, { status: 302, headers: { location: "https://cdn.box.test/icon.png" } }), ready);
    await expect(client.getThumbnail("12345", { maxWait: 10 })).resolves.toBeNull();
    expect(calls()).toBe(1);
  });
});
