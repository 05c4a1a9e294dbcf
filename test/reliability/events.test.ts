import { afterEach, describe, expect, it } from "vitest";
import { BoxBadRequestError, BoxClient, type Event } from "../../src/index.js";
import { FakeEventsServer, POSITION_BASE, waitFor, type FakeScript } from "../../scripts/lib/fake-events-server.js";

const TOKEN = "events-test-token";
const FAST = { baseDelayMs: 1, maxDelayMs: 5 };

let server: FakeEventsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(script: FakeScript = {}) {
  server = await FakeEventsServer.start(script);
  const client = new BoxClient(TOKEN, { baseUrl: server.apiUrl, maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 });
  return { server, client };
}

describe("getEvents", () => {
  it("keeps every digit of a 20-digit next_stream_position sent as a bare JSON number", async () => {
    const { server, client } = await setUp();
    server.addEvents(3);
    const page = await client.getEvents("0");
    const expected = (POSITION_BASE + 3n).toString();
    expect(expected).toHaveLength(20);
    expect(String(Number(expected))).not.toBe(expected); // what a plain JSON.parse would give
    expect(page.nextStreamPosition).toBe(expected);
    expect(page.entries.map((e) => e.event_id)).toEqual(["evt-0", "evt-1", "evt-2"]);
    expect(page.chunkSize).toBe(3);
  });

  it("sends a 20-digit position back verbatim", async () => {
    const { server, client } = await setUp();
    server.addEvents(5);
    const position = (POSITION_BASE + 2n).toString();
    const page = await client.getEvents(position, { limit: 2 });
    expect(server.requests[0]?.query.get("stream_position")).toBe(position);
    expect(page.entries.map((e) => e.event_id)).toEqual(["evt-2", "evt-3"]);
  });
});

describe("longPollForEvents", () => {
  it("starts from now and resolves with that position once the server reports a change", async () => {
    const { server, client } = await setUp();
    server.addEvents(2);
    let settled = false;
    const waiting = client.longPollForEvents().then((position) => {
      settled = true;
      return position;
    });
    await waitFor(() => server.heldPolls === 1);
    expect(settled).toBe(false);
    server.addEvents(1);
    const position = await waiting;
    expect(position).toBe((POSITION_BASE + 2n).toString());
    expect(server.requests.map((r) => `${r.method} ${r.host} ${r.path}`)).toEqual([
      "GET api /2.0/events",
      "OPTIONS api /2.0/events",
      "GET realtime /subscribe",
    ]);
    expect(server.requests[0]?.query.get("stream_position")).toBe("now");
    expect(server.requests[2]?.query.get("stream_position")).toBe(position);
    expect(server.requests[2]?.query.get("channel")).toBe("ch1");
  });

  it("fetches a fresh long-poll server when told to reconnect", async () => {
    const { server, client } = await setUp({ poll: (n) => (n === 1 ? "reconnect" : "auto") });
    server.addEvents(1);
    const position = await client.longPollForEvents("0", { backoff: FAST });
    expect(position).toBe("0");
    expect(server.count("OPTIONS /events")).toBe(2);
    const polls = server.requests.filter((r) => r.host === "realtime");
    expect(polls.map((r) => r.query.get("channel"))).toEqual(["ch1", "ch2"]);
  });

  it("fetches a fresh long-poll server when the realtime host reports max_retries", async () => {
    const { server, client } = await setUp({ poll: (n) => (n === 1 ? "max_retries" : "auto") });
    server.addEvents(1);
    await client.longPollForEvents("0", { backoff: FAST });
    expect(server.count("OPTIONS /events")).toBe(2);
  });

  it("re-sends a poll silent for retry_timeout, and after max_retries re-sends asks for a new server", async () => {
    // retry_timeout is whole seconds; 1 s is the smallest, so this test takes about 2 s.
    const { server, client } = await setUp({ retryTimeout: 1, maxRetries: "2", poll: (n) => (n <= 2 ? "hold" : "auto") });
    server.addEvents(1);
    await client.longPollForEvents("0", { backoff: FAST });
    const polls = server.requests.filter((r) => r.host === "realtime");
    expect(polls.map((r) => r.query.get("channel"))).toEqual(["ch1", "ch1", "ch2"]);
    expect(server.count("OPTIONS /events")).toBe(2);
  });

  it("sends the bearer token to the realtime host, and drops it on a redirect away from that host", async () => {
    const elsewhere = await FakeEventsServer.start();
    try {
      const { server, client } = await setUp({
        poll: () => ({ redirect: `${elsewhere.realtimeOrigin}/subscribe?channel=moved&stream_position=0` }),
      });
      elsewhere.addEvents(1);
      await client.longPollForEvents("0", { backoff: FAST });
      const poll = server.requests.find((r) => r.host === "realtime");
      expect(poll?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      const redirected = elsewhere.requests.find((r) => r.host === "realtime");
      expect(redirected?.query.get("channel")).toBe("moved");
      expect(redirected?.headers.authorization).toBeUndefined();
    } finally {
      await elsewhere.close();
    }
  });

  it("rejects a stream type Box serves no long polls for, before any request", async () => {
    const { server, client } = await setUp();
    await expect(client.longPollForEvents(undefined, { streamType: "admin_logs" })).rejects.toMatchObject({ argument: "options.streamType" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("eventStream", () => {
  it("delivers every event once through repeats, reversed pages, reconnects, failures and positions above 2^53", async () => {
    const { server, client } = await setUp({
      repeats: true,
      reverse: true,
      eventsStatus: (n) => (n % 3 === 0 ? 500 : undefined),
      optionsStatus: (n) => (n % 2 === 0 ? 503 : undefined),
      poll: (n) => (n % 4 === 0 ? "reconnect" : n % 5 === 0 ? { status: 502 } : "auto"),
    });
    const total = 60;
    const stream = client.eventStream({ streamPosition: "0", limit: 7, backoff: FAST });
    const delivered: string[] = [];
    // Each burst lands while a poll is held, so every poll path is exercised.
    const producer = (async () => {
      for (let produced = 0, burst = 1; produced < total; produced += burst, burst = Math.min(1 + (produced % 4), total - produced)) {
        await waitFor(() => server.heldPolls === 1);
        server.addEvents(burst);
      }
    })();
    for await (const event of stream) {
      delivered.push(event.event_id);
      if (new Set(delivered).size === total) break;
    }
    await producer;
    expect(new Set(delivered).size).toBe(total);
    expect(delivered).toHaveLength(total);
    expect(server.entriesSent).toBeGreaterThan(total); // repeats were sent, and dropped
    expect(new Set(delivered)).toEqual(new Set(server.eventIds));
    expect(BigInt(stream.position ?? "0")).toBeGreaterThan(2n ** 53n);
    expect(server.count("OPTIONS /events")).toBeGreaterThan(1); // reconnects and 503s were met
    expect(server.requests.filter((r) => r.host === "realtime").length).toBeGreaterThan(10);
  });

  it("starts at now by default, so only new events arrive", async () => {
    const { server, client } = await setUp();
    server.addEvents(5);
    const stream = client.eventStream();
    const iterator = stream[Symbol.asyncIterator]();
    const first = iterator.next();
    await waitFor(() => server.heldPolls === 1);
    server.addEvents(1);
    expect((await first).value).toMatchObject({ event_id: "evt-5" });
    await iterator.return?.();
  });

  it("exposes a position to resume from that loses no event of a half-read page", async () => {
    const { server, client } = await setUp();
    server.addEvents(20);
    const first = client.eventStream({ streamPosition: "0", limit: 10 });
    const seen: string[] = [];
    for await (const event of first) {
      seen.push(event.event_id);
      if (seen.length === 15) break;
    }
    // The second page was read up to its 5th event: resume from its start.
    expect(first.position).toBe((POSITION_BASE + 10n).toString());
    const resumed = client.eventStream({ streamPosition: first.position, limit: 10 });
    for await (const event of resumed) {
      seen.push(event.event_id);
      if (event.event_id === "evt-19") break;
    }
    expect(new Set(seen)).toEqual(new Set(server.eventIds));
  });

  it("ends within 100 ms of an abort and closes the held poll", async () => {
    const { server, client } = await setUp();
    const controller = new AbortController();
    const stream = client.eventStream({ signal: controller.signal });
    const consumed = (async () => {
      const events: Event[] = [];
      for await (const event of stream) events.push(event);
      return events;
    })();
    await waitFor(() => server.heldPolls === 1);
    const abortedAt = performance.now();
    controller.abort();
    const events = await consumed;
    const elapsed = performance.now() - abortedAt;
    expect(events).toEqual([]);
    expect(elapsed).toBeLessThan(100);
    await server.pollClosed(1);
    await waitFor(() => server.openRequests === 0);
  });

  it("closes a held poll when the iterator is returned while waiting", async () => {
    const { server, client } = await setUp();
    const iterator = client.eventStream()[Symbol.asyncIterator]();
    const pending = iterator.next();
    await waitFor(() => server.heldPolls === 1);
    await iterator.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
    await server.pollClosed(1);
    await waitFor(() => server.openRequests === 0);
  });

  it("leaves no request open after a break", async () => {
    const { server, client } = await setUp();
    server.addEvents(3);
    for await (const event of client.eventStream({ streamPosition: "0" })) {
      expect(event.event_id).toBe("evt-0");
      break;
    }
    await waitFor(() => server.openRequests === 0);
    expect(server.count("poll")).toBe(0);
  });

  it("ends with BoxBadRequestError after one request when GET /events keeps answering 400", async () => {
    const { server, client } = await setUp({ eventsStatus: () => 400 });
    const stream = client.eventStream({ streamPosition: "0", backoff: FAST });
    const error = await (async () => {
      for await (const _event of stream) {
        // no event is expected
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxBadRequestError);
    expect(server.count("GET /events")).toBe(1);
  });
});
