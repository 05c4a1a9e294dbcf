import { describe, expect, it } from "vitest";
import { BoxClient } from "../../src/index.js";

/** A client whose fetch answers from `pages` in order and records each URL. */
function clientServing(pages: readonly object[]) {
  const urls: URL[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const page = pages[urls.length];
    urls.push(new URL(request.url));
    if (page === undefined) return new Response(JSON.stringify({ type: "error", status: 500, code: "no_more_pages" }), { status: 500 });
    return Response.json(page);
  };
  return { client: new BoxClient("token", { baseUrl: "https://api.box.test/2.0", fetch, maxRetries: 0 }), urls };
}

const collaboration = (id: string) => ({ id, type: "collaboration" });
const comment = (id: string) => ({ id, type: "comment" });

describe("collaboration and comment iterators", () => {
  it("follow next_marker across pages of a folder's collaborations", async () => {
    const { client, urls } = clientServing([
      { limit: 2, next_marker: "m2", entries: [collaboration("1"), collaboration("2")] },
      { limit: 2, next_marker: null, entries: [collaboration("3")] },
    ]);
    const ids = [];
    for await (const entry of client.getFolderCollaborationsIterator("4353455", { limit: 2 })) ids.push(entry.id);
    expect(ids).toEqual(["1", "2", "3"]);
    expect(urls.map((url) => url.searchParams.get("marker"))).toEqual([null, "m2"]);
    expect(urls.every((url) => url.searchParams.get("limit") === "2")).toBe(true);
  });

  it("advance the offset by the page limit across pages of a file's comments", async () => {
    const { client, urls } = clientServing([
      { total_count: 3, offset: 0, limit: 2, entries: [comment("1"), comment("2")] },
      { total_count: 3, offset: 2, limit: 2, entries: [comment("3")] },
    ]);
    const ids = [];
    for await (const entry of client.getFileCommentsIterator("12345", { limit: 2 })) ids.push(entry.id);
    expect(ids).toEqual(["1", "2", "3"]);
    expect(urls.map((url) => url.searchParams.get("offset"))).toEqual([null, "2"]);
  });

  it("advance the offset across pages of pending invitations, always asking for pending ones", async () => {
    const { client, urls } = clientServing([
      { total_count: 2, offset: 0, limit: 1, entries: [collaboration("7")] },
      { total_count: 2, offset: 1, limit: 1, entries: [collaboration("8")] },
    ]);
    const ids = [];
    for await (const entry of client.getPendingCollaborationsIterator({ limit: 1 })) ids.push(entry.id);
    expect(ids).toEqual(["7", "8"]);
    expect(urls.map((url) => [url.searchParams.get("status"), url.searchParams.get("offset")])).toEqual([
      ["pending", null],
      ["pending", "1"],
    ]);
  });

  it("stop fetching when the caller breaks out", async () => {
    const { client, urls } = clientServing([{ limit: 1, next_marker: "m2", entries: [collaboration("1")] }]);
    for await (const entry of client.getFileCollaborationsIterator("12345")) {
      expect(entry.id).toBe("1");
      break;
    }
    expect(urls).toHaveLength(1);
  });
});
