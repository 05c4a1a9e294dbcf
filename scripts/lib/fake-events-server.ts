import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Box's events API and its realtime (long-poll) host,
 * on two 127.0.0.1 ports so the realtime host is a foreign origin, as at Box.
 *
 * Stream positions start at 18446744073709551000, above 2^64 - 1000, and are
 * sent as bare JSON numbers: a plain JSON.parse rounds every one of them.
 */
export const POSITION_BASE = 18_446_744_073_709_551_000n;

export interface RecordedRequest {
  host: "api" | "realtime";
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  /** Date.now() when it arrived (the fake clock, under fake timers). */
  at: number;
}

/** How the realtime host answers one poll. */
export type PollReply =
  | "auto" // new_change when events exist past the position, else hold until they do
  | "hold" // never answer (until the client gives up)
  | "reconnect"
  | "max_retries"
  | { status: number; body?: string }
  | { redirect: string };

export interface FakeScript {
  /** A forced status for the nth GET /events (1-based), or undefined to answer normally. */
  eventsStatus?: (n: number) => number | undefined;
  /** A forced status for the nth OPTIONS /events. */
  optionsStatus?: (n: number) => number | undefined;
  /** The answer to the nth poll. Default "auto". */
  poll?: (n: number) => PollReply;
  /** Re-send each page's last event in the next page, and the first event of each page again at its end. */
  repeats?: boolean;
  /** Send each page's events in reverse order. */
  reverse?: boolean;
  retryTimeout?: number;
  maxRetries?: string | number;
}

interface HeldPoll {
  position: bigint;
  response: ServerResponse;
  closed: Promise<void>;
}

export class FakeEventsServer {
  readonly requests: RecordedRequest[] = [];
  /** Events sent in all pages, repeats included. */
  entriesSent = 0;
  script: FakeScript = {};
  readonly #log: Array<{ type: "event"; event_id: string; event_type: string; created_at: string; source: { type: string; id: string } }> = [];
  readonly #held = new Set<HeldPoll>();
  readonly #closedPolls: HeldPoll[] = [];
  #open = 0;
  #previousPageTail: unknown;
  #api!: Server;
  #realtime!: Server;
  apiUrl = "";
  realtimeOrigin = "";

  static async start(script: FakeScript = {}): Promise<FakeEventsServer> {
    const server = new FakeEventsServer();
    server.script = script;
    server.#api = await listen((req, res) => server.#handleApi(req, res));
    server.#realtime = await listen((req, res) => server.#handleRealtime(req, res));
    server.apiUrl = `http://127.0.0.1:${port(server.#api)}/2.0`;
    server.realtimeOrigin = `http://127.0.0.1:${port(server.#realtime)}`;
    return server;
  }

  /** Appends events to the stream and wakes the held polls. */
  addEvents(count: number): void {
    for (let i = 0; i < count; i++) {
      const index = this.#log.length;
      this.#log.push({ type: "event", event_id: `evt-${index}`, event_type: "ITEM_UPLOAD", created_at: "2025-03-04T10:53:43-08:00", source: { type: "file", id: String(1000 + index) } });
    }
    for (const poll of [...this.#held]) {
      if (this.#end > poll.position) this.#answerPoll(poll, "new_change");
    }
  }

  get eventIds(): string[] {
    return this.#log.map((event) => event.event_id);
  }

  /** Requests of one kind: "GET /events", "OPTIONS /events" or "poll". */
  count(kind: "GET /events" | "OPTIONS /events" | "poll"): number {
    return this.requests.filter((r) => (kind === "poll" ? r.host === "realtime" : `${r.method} ${r.path}` === `${kind.split(" ")[0]} /2.0/events`)).length;
  }

  /** Requests the servers have received and not yet finished (held polls included). */
  get openRequests(): number {
    return this.#open;
  }

  get heldPolls(): number {
    return this.#held.size;
  }

  /** Resolves once the nth poll (1-based) was closed, answered or cut by the client. */
  async pollClosed(n: number): Promise<void> {
    await waitFor(() => this.#closedPolls.length >= n);
  }

  async close(): Promise<void> {
    for (const poll of this.#held) poll.response.destroy();
    await Promise.all([this.#api, this.#realtime].map((s) => new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    })));
  }

  get #end(): bigint {
    return POSITION_BASE + BigInt(this.#log.length);
  }

  #record(host: RecordedRequest["host"], req: IncomingMessage, res: ServerResponse): URL {
    const url = new URL(req.url ?? "/", "http://placeholder");
    this.requests.push({ host, method: req.method ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, at: Date.now() });
    this.#open++;
    res.on("close", () => this.#open--);
    return url;
  }

  #handleApi(req: IncomingMessage, res: ServerResponse): void {
    const url = this.#record("api", req, res);
    if (url.pathname !== "/2.0/events") return json(res, 404, '{"type":"error","status":404,"code":"not_found"}');
    if (req.method === "OPTIONS") {
      const forced = this.script.optionsStatus?.(this.count("OPTIONS /events"));
      if (forced !== undefined) return json(res, forced, errorBody(forced));
      const channel = `ch${this.count("OPTIONS /events")}`;
      return json(res, 200, JSON.stringify({
        chunk_size: 1,
        entries: [{
          type: "realtime_server",
          url: `${this.realtimeOrigin}/subscribe?channel=${channel}&stream_type=all`,
          ttl: "10",
          max_retries: this.script.maxRetries ?? "10",
          retry_timeout: this.script.retryTimeout ?? 610,
        }],
      }));
    }
    const forced = this.script.eventsStatus?.(this.count("GET /events"));
    if (forced !== undefined) return json(res, forced, errorBody(forced));
    const requested = url.searchParams.get("stream_position") ?? "0";
    const limit = Number(url.searchParams.get("limit") ?? "100");
    if (requested === "now") return json(res, 200, page([], this.#end));
    const from = requested === "0" ? POSITION_BASE : BigInt(requested);
    const start = Number(from - POSITION_BASE);
    const entries: unknown[] = this.#log.slice(start, start + limit);
    const next = from + BigInt(entries.length);
    const sent = [...entries];
    if (this.script.repeats && entries.length > 0) {
      if (this.#previousPageTail !== undefined) sent.unshift(this.#previousPageTail);
      sent.push(entries[0]);
      this.#previousPageTail = entries[entries.length - 1];
    }
    if (this.script.reverse) sent.reverse();
    this.entriesSent += sent.length;
    json(res, 200, page(sent, next));
  }

  #handleRealtime(req: IncomingMessage, res: ServerResponse): void {
    const url = this.#record("realtime", req, res);
    const n = this.count("poll");
    let done!: () => void;
    const poll: HeldPoll = { position: BigInt(url.searchParams.get("stream_position") ?? "0"), response: res, closed: new Promise((r) => (done = r)) };
    res.on("close", () => {
      this.#held.delete(poll);
      this.#closedPolls.push(poll);
      done();
    });
    const reply = this.script.poll?.(n) ?? "auto";
    if (reply === "hold") return void this.#held.add(poll);
    if (reply === "reconnect" || reply === "max_retries") return this.#answerPoll(poll, reply);
    if (typeof reply === "object" && "redirect" in reply) {
      res.writeHead(302, { location: reply.redirect, "content-length": "0" });
      return void res.end();
    }
    if (typeof reply === "object") return json(res, reply.status, reply.body ?? errorBody(reply.status));
    if (this.#end > poll.position) return this.#answerPoll(poll, "new_change");
    this.#held.add(poll);
  }

  #answerPoll(poll: HeldPoll, message: string): void {
    this.#held.delete(poll);
    json(poll.response, 200, JSON.stringify({ message, version: 1 }));
  }
}

/** The body text of an events page, with next_stream_position as a bare number. */
function page(entries: unknown[], next: bigint): string {
  return `{"chunk_size":${entries.length},"next_stream_position":${next.toString()},"entries":${JSON.stringify(entries)}}`;
}

function errorBody(status: number): string {
  return JSON.stringify({ type: "error", status, code: status === 400 ? "bad_request" : "internal_server_error", message: "scripted failure", request_id: "fake123" });
}

function json(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function port(server: Server): number {
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === "string") throw new Error("the server is not listening on a TCP port");
  return address.port;
}

/** Polls a condition on real I/O turns (not timers, so it works under fake timers too). */
export async function waitFor(condition: () => boolean, maxTurns = 1_000_000): Promise<void> {
  for (let turn = 0; !condition(); turn++) {
    if (turn >= maxTurns) throw new Error("condition not reached");
    await new Promise((resolve) => setImmediate(resolve));
  }
}
