import type { EventStreamType } from "../../generated/box-api.js";

/**
 * The event streams, as box.py's `EventFilter` named them. The values come
 * from the spec's `stream_type` enum (`EventStreamType`): a stream added to or
 * removed from the spec stops the compiler here until this list follows.
 *
 * @example
 * const page = await client.getEvents("0", { streamType: EventFilter.CHANGES });
 */
export const EventFilter = {
  ALL: "all",
  CHANGES: "changes",
  SYNC: "sync",
  ADMIN_LOGS: "admin_logs",
  ADMIN_LOGS_STREAMING: "admin_logs_streaming",
} as const satisfies Record<string, EventStreamType>;

/** One of the stream types Box accepts in `stream_type`. */
export type EventFilter = (typeof EventFilter)[keyof typeof EventFilter];

/** Compiles only when every stream type of the spec has a member above. */
type Exhaustive<Missing extends never> = Missing;
export type EventFilterCoversSpec = Exhaustive<Exclude<EventStreamType, EventFilter>>;

const STREAM_TYPES: ReadonlySet<string> = new Set(Object.values(EventFilter));

/** Narrows a runtime value to a stream type. */
export function isEventFilter(value: unknown): value is EventFilter {
  return typeof value === "string" && STREAM_TYPES.has(value);
}

/** The user streams, the only ones Box serves long polls for. */
export const LONG_POLL_STREAMS: ReadonlySet<EventFilter> = new Set([EventFilter.ALL, EventFilter.CHANGES, EventFilter.SYNC]);
