import { describe, expect, it } from "vitest";
import { BoxClient } from "../../src/index.js";

const BASE = "https://api.box.test/2.0";

/** A client whose fetch answers from `serve` and records every URL it was asked for. */
function clientServing(serve: (url: URL) => unknown) {
  const requested: URL[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    requested.push(url);
    return Response.json(serve(url));
  };
  return { client: new BoxClient("token", { baseUrl: BASE, fetch, maxRetries: 0 }), requested };
}

const file = (id: string) => ({ id, type: "file", name: `file-${id}.txt` });

/** Three marker pages: a,b -> c,d -> e (no next marker). */
function folderPages(url: URL) {
  const marker = url.searchParams.get("marker");
  if (marker === null) return { limit: 2, next_marker: "m2", entries: [file("1"), file("2")] };
  if (marker === "m2") return { limit: 2, next_marker: "m3", entries: [file("3"), file("4")] };
  if (marker === "m3") return { limit: 2, next_marker: null, entries: [file("5")] };
  throw new Error(`unexpected marker ${marker}`);
}

describe("getFolderIterator", () => {
  it("follows next_marker across every page and stops after the last", async () => {
    const { client, requested } = clientServing(folderPages);
    const ids: string[] = [];
    for await (const entry of client.getFolderIterator("4353455", { limit: 2 })) ids.push(entry.id);
    expect(ids).toEqual(["1", "2", "3", "4", "5"]);
    expect(requested.map((url) => url.searchParams.get("marker"))).toEqual([null, "m2", "m3"]);
    expect(requested.every((url) => url.pathname === "/2.0/folders/4353455/items" && url.searchParams.get("usemarker") === "true")).toBe(true);
  });

  it("requests no further page after the caller breaks", async () => {
    const { client, requested } = clientServing(folderPages);
    const ids: string[] = [];
    for await (const entry of client.getFolderIterator("4353455", { limit: 2 })) {
      ids.push(entry.id);
      if (entry.id === "3") break;
    }
    expect(ids).toEqual(["1", "2", "3"]);
    expect(requested).toHaveLength(2);
  });

  it("requests nothing until the loop starts", () => {
    const { client, requested } = clientServing(folderPages);
    client.getFolderIterator("4353455");
    expect(requested).toHaveLength(0);
  });

  it("resumes from a marker given by the caller", async () => {
    const { client, requested } = clientServing(folderPages);
    const ids: string[] = [];
    for await (const entry of client.getFolderIterator("4353455", { marker: "m3" })) ids.push(entry.id);
    expect(ids).toEqual(["5"]);
    expect(requested).toHaveLength(1);
  });
});

/** Offset pages of 2 over 5 matches. */
function searchPages(url: URL) {
  const offset = Number(url.searchParams.get("offset"));
  const all = ["1", "2", "3", "4", "5"].map(file);
  return { type: "search_results_items", total_count: 5, limit: 2, offset, entries: all.slice(offset, offset + 2) };
}

describe("searchIterator", () => {
  it("moves the offset by the limit across every page and stops at total_count", async () => {
    const { client, requested } = clientServing(searchPages);
    const ids: string[] = [];
    for await (const item of client.searchIterator("report", { limit: 2 })) ids.push(item.id);
    expect(ids).toEqual(["1", "2", "3", "4", "5"]);
    expect(requested.map((url) => url.searchParams.get("offset"))).toEqual(["0", "2", "4"]);
    expect(requested.every((url) => url.searchParams.get("query") === "report" && url.searchParams.get("limit") === "2")).toBe(true);
  });

  it("requests no further page after the caller breaks", async () => {
    const { client, requested } = clientServing(searchPages);
    for await (const item of client.searchIterator("report", { limit: 2 })) {
      if (item.id === "2") break;
    }
    expect(requested).toHaveLength(1);
  });
});
