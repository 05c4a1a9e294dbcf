import { describe, expect, it } from "vitest";
import { BoxAccountUnauthorizedError, BoxBadRequestError, BoxValidationError, EventFilter } from "../../src/index.js";
import { contractClient, violationsOf } from "../support/contract.js";

describe("getEvents", () => {
  it("reads the stream from the beginning by default, with the position as a string", async () => {
    const { client, exchanges } = contractClient();
    const page = await client.getEvents();
    expect(page.nextStreamPosition).toBe("1152922976252290886");
    expect(page.chunkSize).toBe(2);
    expect(page.entries.map((e) => e.event_type)).toEqual(["ITEM_UPLOAD", "ITEM_MOVE"]);
    expect(new URL(exchanges[0]?.url ?? "").searchParams.get("stream_position")).toBe("0");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("sends the stream type, limit, event types and dates in the form Box expects", async () => {
    const { client, exchanges } = contractClient();
    await client.getEvents("1152922976252290886", {
      streamType: EventFilter.ADMIN_LOGS,
      limit: 500,
      eventType: ["ITEM_UPLOAD", "ITEM_TRASH"],
      createdAfter: "2025-01-01T00:00:00Z",
      createdBefore: "2025-02-01T00:00:00Z",
    });
    const query = new URL(exchanges[0]?.url ?? "").searchParams;
    expect(query.get("stream_type")).toBe("admin_logs");
    expect(query.get("limit")).toBe("500");
    expect(query.getAll("event_type")).toEqual(["ITEM_UPLOAD,ITEM_TRASH"]);
    expect(query.get("created_after")).toBe("2025-01-01T00:00:00Z");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("reads the initial position with stream_position=now", async () => {
    const { client, exchanges } = contractClient("example=now");
    const page = await client.getEvents("now");
    expect(page).toEqual({ entries: [], chunkSize: 0, nextStreamPosition: "1152922976252290886" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxBadRequestError with Box's code for a 400", async () => {
    const { client, exchanges } = contractClient("code=400");
    const error = await client.getEvents("0").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxBadRequestError);
    expect(error).toMatchObject({ status: 400, code: "bad_request" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxAccountUnauthorizedError for a 401", async () => {
    const { client, exchanges } = contractClient("code=401");
    await expect(client.getEvents("0")).rejects.toBeInstanceOf(BoxAccountUnauthorizedError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses a position that is not digits or now, and a limit above 500, before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.getEvents("12&stream_type=admin_logs")).rejects.toMatchObject({ argument: "streamPosition" });
    await expect(client.getEvents("0", { limit: 501 })).rejects.toBeInstanceOf(BoxValidationError);
    expect(exchanges).toHaveLength(0);
  });
});

describe("getLongPollConnectionInfo", () => {
  it("returns the realtime server from OPTIONS /events", async () => {
    const { client, exchanges } = contractClient();
    const server = await client.getLongPollConnectionInfo();
    expect(server).toMatchObject({ type: "realtime_server", retry_timeout: 610, max_retries: "10" });
    expect(server.url).toMatch(/^http:\/\/2\.realtime\.services\.box\.net\/subscribe\?channel=/);
    expect(exchanges[0]?.method).toBe("OPTIONS");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxAccountUnauthorizedError for a 401", async () => {
    const { client, exchanges } = contractClient("code=401");
    await expect(client.getLongPollConnectionInfo()).rejects.toBeInstanceOf(BoxAccountUnauthorizedError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
