import type { RealtimeServer } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { EventFilter, LONG_POLL_STREAMS, isEventFilter } from "../enums/event-filter.js";
import { BoxValidationError } from "../errors.js";
import { createEventStream, type EventStream } from "../events/event-stream.js";
import { asBoxError } from "../events/failures.js";
import { LongPoller } from "../events/long-poll.js";
import { Pacer, type BackoffOptions } from "../events/pacer.js";
import { readEventsPage, type EventsPage } from "../events/read-events.js";
import { pickRealtimeServer, toLongPollServer } from "../events/realtime.js";
import { unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { optionalFields, optionalInteger, optionalText } from "../validate.js";

/** Options of {@link EventMethods.getEvents}. */
export interface GetEventsOptions extends CallOptions {
  /** Which stream; default {@link EventFilter.ALL}. */
  streamType?: EventFilter;
  /** Events per page, 1-500 (Box's default is 100). */
  limit?: number;
  /** Only these event types (Box applies it to the `admin_logs` streams only). */
  eventType?: readonly string[];
  /** Earliest creation time, RFC 3339 (`admin_logs` only). */
  createdAfter?: string;
  /** Latest creation time, RFC 3339 (`admin_logs` only). */
  createdBefore?: string;
}

/** Options of {@link EventMethods.longPollForEvents}. */
export interface LongPollOptions {
  /** A user stream: `all` (default), `changes` or `sync`. */
  streamType?: EventFilter;
  /** Ends the wait: the promise rejects with `BoxAbortError` and the held request is closed. */
  signal?: AbortSignal;
  /** Waits between failed attempts (default 1 s doubling to 60 s, with jitter). */
  backoff?: BackoffOptions;
}

/** Options of {@link EventMethods.eventStream}. */
export interface EventStreamOptions extends LongPollOptions {
  /** Where to start: a saved `position`, or `"0"` for all retained events. Default: now. */
  streamPosition?: string;
  /** How many recent event ids to remember to drop repeats (0 turns it off). Default 1000. */
  dedupeWindow?: number;
  /** Events per page, 1-500. Default 500. */
  limit?: number;
}

// "now", "0" or a position Box handed out (digits; there can be more than 2^53 of them).
const STREAM_POSITION = /^(now|[0-9]{1,64})$/;

function requireStreamPosition(argument: string, value: unknown): string {
  if (typeof value !== "string" || !STREAM_POSITION.test(value)) {
    throw new BoxValidationError(argument, 'expected "now", "0" or a stream position of digits, as a string');
  }
  return value;
}

function streamTypeOf(argument: string, value: unknown, userStreamsOnly: boolean): EventFilter {
  if (value === undefined) return EventFilter.ALL;
  if (!isEventFilter(value)) throw new BoxValidationError(argument, `expected one of ${Object.values(EventFilter).join(", ")}`);
  if (userStreamsOnly && !LONG_POLL_STREAMS.has(value)) {
    throw new BoxValidationError(argument, "Box serves long polls for the user streams only (all, changes, sync)");
  }
  return value;
}

export function eventMethods(context: ClientContext) {
  const { api } = context;

  /** GET /events, read as text so a position above 2^53 keeps every digit. */
  async function readPage(position: string, streamType: EventFilter, limit: number | undefined, signal: AbortSignal | undefined, options: GetEventsOptions = {}): Promise<EventsPage> {
    let result;
    try {
      result = await api.GET("/events", {
        params: {
          query: {
            stream_position: position,
            stream_type: streamType,
            limit,
            event_type: optionalFields("options.eventType", options.eventType),
            created_after: optionalText("options.createdAfter", options.createdAfter),
            created_before: optionalText("options.createdBefore", options.createdBefore),
          },
        },
        parseAs: "text",
        ...via(context, { ...options, signal }),
      });
    } catch (error) {
      throw asBoxError(error, signal);
    }
    return readEventsPage(unwrapBody(result), result.response.status);
  }

  async function fetchServer(signal: AbortSignal | undefined): Promise<RealtimeServer> {
    let result;
    try {
      result = await api.OPTIONS("/events", via(context, { signal }));
    } catch (error) {
      throw asBoxError(error, signal);
    }
    return pickRealtimeServer(unwrapBody(result));
  }

  function validateLongPoll(options: LongPollOptions) {
    const streamType = streamTypeOf("options.streamType", options.streamType, true);
    optionalInteger("options.backoff.baseDelayMs", options.backoff?.baseDelayMs, 1, 3_600_000);
    optionalInteger("options.backoff.maxDelayMs", options.backoff?.maxDelayMs, 1, 3_600_000);
    return streamType;
  }

  return {
    /**
     * One page of the event stream from `streamPosition` ("0" for everything
     * Box still keeps, "now" for just the current position). Save
     * `nextStreamPosition` (a string with every digit) and pass it next time.
     *
     * @example
     * const page = await client.getEvents("0", { streamType: EventFilter.CHANGES, limit: 100 });
     * for (const event of page.entries) console.log(event.event_type, event.source?.id);
     * const next = page.nextStreamPosition;
     */
    async getEvents(streamPosition: string = "0", options: GetEventsOptions = {}): Promise<EventsPage> {
      const position = requireStreamPosition("streamPosition", streamPosition);
      const streamType = streamTypeOf("options.streamType", options.streamType, false);
      const limit = optionalInteger("options.limit", options.limit, 1, 500);
      optionalFields("options.eventType", options.eventType);
      optionalText("options.createdAfter", options.createdAfter);
      optionalText("options.createdBefore", options.createdBefore);
      return readPage(position, streamType, limit, options.signal, options);
    },

    /**
     * The long-poll server for user events (OPTIONS /events): its URL,
     * `retry_timeout` (seconds) and `max_retries`.
     *
     * @example
     * const server = await client.getLongPollConnectionInfo();
     * console.log(server.url, server.retry_timeout);
     */
    async getLongPollConnectionInfo(options: CallOptions = {}): Promise<RealtimeServer> {
      return fetchServer(options.signal);
    },

    /**
     * Waits until Box reports new events after `streamPosition` (default: now)
     * and resolves with the position to read them from. Follows Box's
     * protocol: `reconnect` and spent `max_retries` fetch a fresh server, a
     * poll silent for `retry_timeout` is re-sent, failures back off.
     *
     * @example
     * const position = await client.longPollForEvents();
     * const { entries } = await client.getEvents(position);
     */
    async longPollForEvents(streamPosition?: string, options: LongPollOptions = {}): Promise<string> {
      const given = streamPosition === undefined ? undefined : requireStreamPosition("streamPosition", streamPosition);
      const streamType = validateLongPoll(options);
      const signal = options.signal ?? new AbortController().signal;
      const position = given ?? (await readPage("now", streamType, undefined, signal)).nextStreamPosition;
      const poller = new LongPoller({
        context,
        fetchServer: async (inner) => toLongPollServer(await fetchServer(inner)),
        errors: new Pacer(options.backoff),
        churn: new Pacer(options.backoff),
      });
      await poller.waitForChange(position, signal);
      return position;
    },

    /**
     * Every new event, as it happens, for `for await`: repeats dropped by
     * `event_id`, long polls renewed as Box asks, failures waited out with a
     * bounded back-off. `break` or an abort ends it and closes any held
     * request; `stream.position` tells where to resume later.
     *
     * @example
     * const stream = client.eventStream({ signal: controller.signal });
     * for await (const event of stream) console.log(event.event_type);
     * savePosition(stream.position);
     */
    eventStream(options: EventStreamOptions = {}): EventStream {
      const streamType = validateLongPoll(options);
      const streamPosition = options.streamPosition === undefined ? undefined : requireStreamPosition("options.streamPosition", options.streamPosition);
      const limit = optionalInteger("options.limit", options.limit, 1, 500) ?? 500;
      const dedupeWindow = optionalInteger("options.dedupeWindow", options.dedupeWindow, 0, 1_000_000) ?? 1000;
      return createEventStream(
        {
          context,
          readPage: (position, signal) => readPage(position, streamType, limit, signal),
          fetchServer: async (signal) => toLongPollServer(await fetchServer(signal)),
        },
        { streamPosition, signal: options.signal, dedupeWindow, backoff: options.backoff },
      );
    },
  };
}

export type EventMethods = ReturnType<typeof eventMethods>;
