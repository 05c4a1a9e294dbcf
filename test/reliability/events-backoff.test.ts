import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BoxClient } from "../../src/index.js";
import { FakeEventsServer, waitFor, type FakeScript } from "../../scripts/lib/fake-events-server.js";

// The back-off waits are minutes long, so the clock is faked; the HTTP
// traffic is real. setImmediate stays real: waitFor turns the event loop with it.
const TEN_MINUTES = 10 * 60_000;

let server: FakeEventsServer | undefined;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
});
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

/** A client with default retry settings whose fetch counts requests still waiting for headers. */
async function setUp(script: FakeScript) {
  server = await FakeEventsServer.start(script);
  let inFlight = 0;
  const client = new BoxClient("token", {
    baseUrl: server.apiUrl,
    fetch: async (request) => {
      inFlight++;
      try {
        return await globalThis.fetch(request);
      } finally {
        inFlight--;
      }
    },
  });
  return { server, client, idle: () => inFlight === 0 };
}

/**
 * Runs the fake clock for `ms`, one timer at a time, and only while no
 * request is on the wire (so no request can time out for want of real time).
 */
async function runClock(ms: number, idle: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    for (let calmTurns = 0; calmTurns < 20; calmTurns++) {
      await waitFor(idle);
      await new Promise((resolve) => setImmediate(resolve));
      if (!idle()) calmTurns = 0;
    }
    await vi.advanceTimersToNextTimerAsync();
  }
}

describe("event stream request rate during failures", () => {
  it("sends 15 to 25 polls in 10 minutes to a realtime host that always answers 400", async () => {
    const { server, client, idle } = await setUp({ poll: () => ({ status: 400 }) });
    const start = Date.now();
    const controller = new AbortController();
    const consumed = (async () => {
      for await (const _event of client.eventStream({ streamPosition: "0", signal: controller.signal })) {
        // no event arrives
      }
    })();
    await runClock(TEN_MINUTES, idle);
    controller.abort();
    await consumed;
    const within = server.requests.filter((r) => r.at - start <= TEN_MINUTES);
    const polls = within.filter((r) => r.host === "realtime").length;
    // Waits double from 0.5-1 s to a 30-60 s ceiling: at most 25 and at least 15 polls fit in 10 minutes.
    expect(polls).toBeGreaterThanOrEqual(15);
    expect(polls).toBeLessThanOrEqual(25);
    // Each failed poll also renews the server (a 4xx suggests a dead channel): one OPTIONS per poll.
    expect(within.filter((r) => r.method === "OPTIONS").length).toBe(polls);
    expect(within.filter((r) => r.method === "GET" && r.host === "api").length).toBe(1);
  });

  it("sends at most 115 requests in 10 minutes when GET /events always answers 500", async () => {
    const { server, client, idle } = await setUp({ eventsStatus: () => 500 });
    const start = Date.now();
    const controller = new AbortController();
    const consumed = (async () => {
      for await (const _event of client.eventStream({ streamPosition: "0", signal: controller.signal })) {
        // no event arrives
      }
    })();
    await runClock(TEN_MINUTES, idle);
    controller.abort();
    await consumed;
    const requests = server.requests.filter((r) => r.at - start <= TEN_MINUTES).length;
    // Each attempt is 1 request + 4 pipeline retries (0.25-0.5, 0.5-1, 1-2, 2-4 s apart), and the
    // stream waits 0.5-1 s doubling to 30-60 s between attempts: 14 to 23 attempts fit in 10 minutes.
    expect(requests).toBeLessThanOrEqual(115);
    expect(requests).toBeGreaterThanOrEqual(70);
    expect(server.requests.every((r) => r.method === "GET" && r.host === "api")).toBe(true);
  });

  it("keeps polling a realtime host that answers reconnect at once, at a bounded rate", async () => {
    const { server, client, idle } = await setUp({ poll: () => "reconnect" });
    const start = Date.now();
    const controller = new AbortController();
    const waiting = client.longPollForEvents("0", { signal: controller.signal }).catch((e: unknown) => e);
    await runClock(TEN_MINUTES, idle);
    controller.abort();
    expect(await waiting).toMatchObject({ name: "BoxAbortError" });
    const polls = server.requests.filter((r) => r.host === "realtime" && r.at - start <= TEN_MINUTES).length;
    expect(polls).toBeGreaterThanOrEqual(15);
    expect(polls).toBeLessThanOrEqual(25);
  });
});

describe("long-poll server renewal", () => {
  it("re-sends a poll silent for retry_timeout to a new server once the old one's ttl is over", async () => {
    // ttl is 10 minutes and retry_timeout 610 s: the first re-send comes after the ttl.
    const { server, client } = await setUp({ poll: (n) => (n === 1 ? "hold" : "auto") });
    server.addEvents(1);
    const waiting = client.longPollForEvents("0");
    await waitFor(() => server.heldPolls === 1);
    await vi.advanceTimersByTimeAsync(610_000);
    expect(await waiting).toBe("0");
    const polls = server.requests.filter((r) => r.host === "realtime");
    expect(polls.map((r) => r.query.get("channel"))).toEqual(["ch1", "ch2"]);
    expect(server.count("OPTIONS /events")).toBe(2);
  });
});
