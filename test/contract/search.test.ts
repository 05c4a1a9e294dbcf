import { describe, expect, it } from "vitest";
import { BoxBadRequestError, BoxRateLimitError } from "../../src/index.js";
import { contractClient, violationsOf, requestLine } from "../support/contract.js";

describe("search", () => {
  it("sends every filter, lists comma-joined and ranges as from,to", async () => {
    const { client, exchanges } = contractClient();
    const results = await client.search("hello", {
      limit: 30,
      offset: 0,
      type: "file",
      ancestorFolderIds: ["0", "4353455"],
      fileExtensions: ["txt", "pdf"],
      contentTypes: ["name", "file_content"],
      createdAtRange: { from: "2012-01-01T00:00:00Z" },
      updatedAtRange: { from: new Date("2012-01-01T00:00:00Z"), to: "2013-01-01T00:00:00-08:00" },
      sizeRange: { from: 1, to: 1048576 },
      ownerUserIds: ["11446498"],
      trashContent: "non_trashed_only",
      sort: "modified_at",
      direction: "ASC",
      fields: ["name", "size"],
    });
    expect(results.entries.map((entry) => entry.type)).toEqual(["file", "folder"]);
    expect(Object.fromEntries(new URL(exchanges[0]?.url ?? "").searchParams)).toEqual({
      query: "hello",
      limit: "30",
      offset: "0",
      type: "file",
      ancestor_folder_ids: "0,4353455",
      file_extensions: "txt,pdf",
      content_types: "name,file_content",
      created_at_range: "2012-01-01T00:00:00Z,",
      updated_at_range: "2012-01-01T00:00:00Z,2013-01-01T00:00:00-08:00",
      size_range: "1,1048576",
      owner_user_ids: "11446498",
      trash_content: "non_trashed_only",
      sort: "modified_at",
      direction: "ASC",
      fields: "name,size",
    });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("sends only the query when no option is given", async () => {
    const { client, exchanges } = contractClient();
    await client.search("quarterly report");
    expect(Object.fromEntries(new URL(exchanges[0]?.url ?? "").searchParams)).toEqual({ query: "quarterly report" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses a limit above Box's 200 before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.search("hello", { limit: 201 })).rejects.toMatchObject({ name: "BoxValidationError", argument: "options.limit" });
    expect(exchanges).toEqual([]);
  });

  it("throws BoxBadRequestError when Box refuses the query", async () => {
    const { client, exchanges } = contractClient("code=400");
    await expect(client.search("hello")).rejects.toBeInstanceOf(BoxBadRequestError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxRateLimitError when search is rate limited", async () => {
    const { client, exchanges } = contractClient("code=429");
    await expect(client.search("hello")).rejects.toBeInstanceOf(BoxRateLimitError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("searchIterator", () => {
  it("yields every match of a one-page result and stops", async () => {
    const { client, exchanges } = contractClient();
    const names: string[] = [];
    for await (const item of client.searchIterator("hello", { type: "file", limit: 30 })) names.push(item.name ?? "");
    expect(names).toEqual(["hello.txt", "hello world drafts"]);
    expect(exchanges.map(requestLine)).toEqual(["GET /search?query=hello&limit=30&offset=0&type=file"]);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("rejects on the first step with Box's error", async () => {
    const { client, exchanges } = contractClient("code=400");
    const iterator = client.searchIterator("hello");
    await expect(iterator.next()).rejects.toBeInstanceOf(BoxBadRequestError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
