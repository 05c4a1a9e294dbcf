import type { RealtimeServer, RealtimeServers } from "../../generated/box-api.js";
import { BoxClientError } from "../errors.js";

/** A long-poll server, with Box's loosely typed fields read as numbers. */
export interface LongPollServer {
  url: string;
  /** Silent polls to re-send before asking OPTIONS /events for a new server. */
  maxRetries: number;
  /** How long one poll may stay silent before it is re-sent, in ms. */
  retryTimeoutMs: number;
  /** How long Box offers this server, in ms (`ttl`), when it says. */
  ttlMs: number | undefined;
}

// Box's documented values, used when an answer leaves a field out or garbles it.
const DEFAULT_MAX_RETRIES = 10;
const DEFAULT_RETRY_TIMEOUT_S = 610;

/** The `realtime_server` entry of an OPTIONS /events answer. */
export function pickRealtimeServer(servers: RealtimeServers): RealtimeServer {
  const server = servers.entries.find((entry) => entry.type === "realtime_server" && entry.url.length > 0);
  if (server === undefined) throw new BoxClientError("Box listed no long-poll server in OPTIONS /events", { status: 200 });
  return server;
}

/** Reads `max_retries` and `retry_timeout`, which Box sends as strings or numbers. */
export function toLongPollServer(server: RealtimeServer): LongPollServer {
  return {
    url: server.url,
    maxRetries: wholeNumber(server.max_retries, DEFAULT_MAX_RETRIES),
    retryTimeoutMs: wholeNumber(server.retry_timeout, DEFAULT_RETRY_TIMEOUT_S) * 1000,
    ttlMs: minutesInMs(server.ttl),
  };
}

function minutesInMs(value: string | number | undefined): number | undefined {
  const minutes = wholeNumber(value, 0);
  return minutes > 0 ? minutes * 60_000 : undefined;
}

function wholeNumber(value: string | number | undefined, fallback: number): number {
  const number = typeof value === "string" ? Number(value.trim()) : value;
  return number !== undefined && Number.isInteger(number) && number > 0 ? number : fallback;
}
