import type { Event, Events } from "../../generated/box-api.js";
import { BoxClientError } from "../errors.js";
import { parseJsonKeepingDigits } from "./lossless-json.js";

/** One page of the event stream, as `getEvents` returns it. */
export interface EventsPage {
  entries: Event[];
  /** How many events Box says this page holds. */
  chunkSize: number;
  /** Where the next page starts: every digit Box sent, as a string (it can exceed 2^53). */
  nextStreamPosition: string;
}

function isEventsBody(value: unknown): value is Events {
  if (typeof value !== "object" || value === null || !("entries" in value) || !Array.isArray(value.entries)) return false;
  if (!("next_stream_position" in value)) return false;
  const position = value.next_stream_position;
  return typeof position === "string" || typeof position === "number";
}

/**
 * Reads the text of a GET /events answer without rounding
 * `next_stream_position`: its digits are kept as text before JSON.parse.
 */
export function readEventsPage(text: string, status: number): EventsPage {
  let body: unknown;
  try {
    body = parseJsonKeepingDigits(text, ["next_stream_position"]);
  } catch {
    body = undefined;
  }
  if (!isEventsBody(body)) throw new BoxClientError("Box answered GET /events with a body that is not an events page", { status });
  return {
    entries: body.entries,
    chunkSize: body.chunk_size ?? body.entries.length,
    nextStreamPosition: String(body.next_stream_position),
  };
}
