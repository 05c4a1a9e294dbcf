import type { Event } from "../../generated/box-api.js";
import type { ClientContext } from "../context.js";
import { DedupeWindow } from "./dedupe-window.js";
import { isFatal } from "./failures.js";
import { LongPoller } from "./long-poll.js";
import { Pacer, type BackoffOptions } from "./pacer.js";
import type { EventsPage } from "./read-events.js";
import type { LongPollServer } from "./realtime.js";

/** A live, de-duplicated stream of events; iterate it with `for await`. */
export interface EventStream extends AsyncIterable<Event> {
  /**
   * Where to resume with a new stream. It moves past a page only once every
   * event of that page was handed out, so resuming never loses an event (a
   * page left half-read is read again). `undefined` until the stream has
   * asked Box for the current position (when started without one).
   */
  readonly position: string | undefined;
}

export interface EventStreamDeps {
  context: ClientContext;
  readPage(position: string, signal: AbortSignal): Promise<EventsPage>;
  fetchServer(signal: AbortSignal): Promise<LongPollServer>;
}

export interface EventStreamSettings {
  streamPosition: string | undefined;
  signal: AbortSignal | undefined;
  dedupeWindow: number;
  backoff: BackoffOptions | undefined;
}

/**
 * The event loop: read pages until one brings nothing new, then hold a long
 * poll until Box reports a change, and repeat; repeats are dropped by
 * `event_id`; failures are waited out with a bounded exponential back-off;
 * an abort or `break` ends it with no request left open.
 */
export function createEventStream(deps: EventStreamDeps, settings: EventStreamSettings): EventStream {
  const internal = new AbortController();
  const signal = settings.signal ? AbortSignal.any([settings.signal, internal.signal]) : internal.signal;
  const errors = new Pacer(settings.backoff);
  const churn = new Pacer(settings.backoff);
  const poller = new LongPoller({ context: deps.context, fetchServer: deps.fetchServer, errors, churn });
  const seen = new DedupeWindow(settings.dedupeWindow);
  let position = settings.streamPosition;

  /** Runs a Box API call until it succeeds, waiting between failures; gives up only on fatal errors. */
  async function persist<T>(operation: () => Promise<T>): Promise<T> {
    for (;;) {
      await errors.wait(signal);
      try {
        const value = await operation();
        errors.succeeded();
        return value;
      } catch (error) {
        if (isFatal(error)) throw error;
        errors.failed();
      }
    }
  }

  async function* run(): AsyncGenerator<Event, void, undefined> {
    try {
      position ??= (await persist(() => deps.readPage("now", signal))).nextStreamPosition;
      let afterChange = false;
      for (;;) {
        const from: string = position;
        const page = await persist(() => deps.readPage(from, signal));
        let delivered = 0;
        for (const event of page.entries) {
          if (!seen.admit(event.event_id)) continue;
          delivered++;
          yield event;
        }
        position = page.nextStreamPosition;
        if (delivered > 0) churn.succeeded();
        // A change report that held nothing new must not let the loop spin.
        else if (afterChange) churn.failed();
        // Box may hold back events from a page, so read on until a page brings nothing new.
        if (delivered > 0 && page.nextStreamPosition !== from) {
          afterChange = false;
          continue;
        }
        await poller.waitForChange(position, signal);
        afterChange = true;
      }
    } catch (error) {
      // Stopping is the normal way out of an endless stream: end quietly.
      if (signal.aborted) return;
      throw error;
    } finally {
      internal.abort();
    }
  }

  const generator = run();
  const iterator: AsyncIterableIterator<Event> = {
    next: () => generator.next(),
    // Abort first: a `return()` while a poll is held would otherwise wait for it.
    return: () => {
      internal.abort();
      return generator.return();
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return {
    get position() {
      return position;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
}
