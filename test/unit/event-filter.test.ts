import { describe, expect, expectTypeOf, it } from "vitest";
import { EventFilter, type EventStreamType } from "../../src/index.js";

describe("EventFilter", () => {
  it("names box.py's stream types with Box's values", () => {
    expect(EventFilter).toEqual({
      ALL: "all",
      CHANGES: "changes",
      SYNC: "sync",
      ADMIN_LOGS: "admin_logs",
      ADMIN_LOGS_STREAMING: "admin_logs_streaming",
    });
  });

  it("has exactly the values of the spec's stream_type enum", () => {
    expectTypeOf<EventFilter>().toEqualTypeOf<EventStreamType>();
  });
});
