/**
 * Requests an event stream sends when Box's realtime host answers every long
 * poll with 400, counted over the same real-time window for box-ts's
 * `eventStream` and box-node-sdk's `getEventStream`, one after the other, each
 * against its own local fake Box (scripts/lib/fake-events-server.ts) with
 * default settings. BENCH_EVENTS_SECONDS sets the window (default 20).
 */
import { formatRows } from "./report.js";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { BoxClient as SdkClient, BoxDeveloperTokenAuth } from "box-node-sdk";
import { BoxClient } from "../../src/index.js";
import { FakeEventsServer } from "../lib/fake-events-server.js";
import type { Benchmark, BenchRow } from "./types.js";

const seconds = Number(process.env.BENCH_EVENTS_SECONDS ?? "20");
const ALWAYS_400 = { poll: () => ({ status: 400 }) };

interface Count {
  requests: number;
  polls: number;
}

function countOf(server: FakeEventsServer): Count {
  return { requests: server.requests.length, polls: server.count("poll") };
}

async function boxTs(): Promise<Count> {
  const server = await FakeEventsServer.start(ALWAYS_400);
  try {
    const client = new BoxClient("token", { baseUrl: server.apiUrl });
    const controller = new AbortController();
    const loop = (async () => {
      for await (const _event of client.eventStream({ streamPosition: "0", signal: controller.signal })) {
        // no event arrives
      }
    })();
    await sleep(seconds * 1000);
    const count = countOf(server);
    controller.abort();
    await loop;
    return count;
  } finally {
    await server.close();
  }
}

async function boxNodeSdk(): Promise<Count> {
  const server = await FakeEventsServer.start(ALWAYS_400);
  try {
    // The SDK appends /2.0 to baseUrl itself.
    const origin = new URL(server.apiUrl).origin;
    const client = new SdkClient({ auth: new BoxDeveloperTokenAuth({ token: "token" }) }).withCustomBaseUrls({
      baseUrl: origin,
      uploadUrl: origin,
      oauth2Url: origin,
    });
    const stream = client.events.getEventStream({ streamPosition: "0" });
    let errors = 0;
    stream.on("error", () => errors++); // the SDK reports each failed poll here, then polls again
    stream.on("data", () => undefined);
    await sleep(seconds * 1000);
    const count = countOf(server);
    stream.destroy();
    return count;
  } finally {
    await server.close();
  }
}

export const eventsFailureRate: Benchmark = {
  name: "event stream vs persistent 400",
  description: `Requests in ${seconds} s of real time while the realtime host answers every long poll with 400 (defaults, local fake Box).`,
  async run(): Promise<BenchRow[]> {
    const ours = await boxTs();
    const theirs = await boxNodeSdk();
    const row = (subject: string, count: Count, note: string): BenchRow => ({
      benchmark: "event stream vs persistent 400",
      subject,
      metric: "requests per second",
      value: Number((count.requests / seconds).toFixed(3)),
      ratio: Number((count.requests / Math.max(1, ours.requests)).toFixed(1)),
      note: `${count.requests} requests (${count.polls} polls) in ${seconds} s; ${note}`,
    });
    return [
      row("box-ts", ours, "back-off 1 s doubling to 60 s"),
      row("box-node-sdk", theirs, "re-polls at once after each error"),
    ];
  },
};

// Runs on its own too: `npx tsx scripts/bench/events-failure-rate.ts`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatRows(await eventsFailureRate.run()));
}
