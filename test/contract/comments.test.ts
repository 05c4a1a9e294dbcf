import { describe, expect, it } from "vitest";
import { BoxValidationError, CommentItemType, ItemAlreadyExistsError, ItemDoesNotExistError, BoxForbiddenError } from "../../src/index.js";
import { contractClient, violationsOf, jsonBody } from "../support/contract.js";


describe("getFileComments", () => {
  it("reads a page of a file's comments with the paging query", async () => {
    const { client, exchanges } = contractClient();
    const page = await client.getFileComments("12345", { limit: 50, offset: 0, fields: ["message", "created_by"] });
    expect(page.entries.map((comment) => comment.id)).toEqual(["191969", "191970"]);
    expect(page.entries[1]?.is_reply_comment).toBe(true);
    const query = new URL(exchanges[0]?.url ?? "").searchParams;
    expect(Object.fromEntries(query)).toEqual({ limit: "50", offset: "0", fields: "message,created_by" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing file", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.getFileComments("999")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("getFileCommentsIterator", () => {
  it("yields every comment and stops when the offset reaches total_count", async () => {
    const { client, exchanges } = contractClient();
    const comments = [];
    for await (const comment of client.getFileCommentsIterator("12345", { limit: 100 })) comments.push(comment.id);
    expect(comments).toEqual(["191969", "191970"]);
    expect(exchanges).toHaveLength(1);
    expect(new URL(exchanges[0]?.url ?? "").searchParams.get("limit")).toBe("100");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("fails on a bad file id before iterating or sending anything", async () => {
    const { client, exchanges } = contractClient();
    expect(() => client.getFileCommentsIterator("../1")).toThrow(BoxValidationError);
    expect(exchanges).toEqual([]);
  });
});

describe("getCommentInformation", () => {
  it("reads a comment", async () => {
    const { client, exchanges } = contractClient();
    const comment = await client.getCommentInformation("191969");
    expect(comment).toMatchObject({ id: "191969", type: "comment", item: { id: "12345", type: "file" } });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing comment", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.getCommentInformation("1")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("addComment", () => {
  it("comments on a file", async () => {
    const { client, exchanges } = contractClient();
    const comment = await client.addComment("12345", "file", "Please check section 2.");
    expect(comment.type).toBe("comment");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ message: "Please check section 2.", item: { id: "12345", type: "file" } });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("replies to a comment, with a tagged message", async () => {
    const { client, exchanges } = contractClient();
    await client.addComment("191969", CommentItemType.COMMENT, "Done, Aaron.\nTotals match.", { taggedMessage: "Done, @[11446498:Aaron].\nTotals match." });
    expect(jsonBody(exchanges[0]?.body)).toEqual({
      message: "Done, Aaron.\nTotals match.",
      tagged_message: "Done, @[11446498:Aaron].\nTotals match.",
      item: { id: "191969", type: "comment" },
    });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemAlreadyExistsError for a comment Box takes for a duplicate", async () => {
    const { client, exchanges } = contractClient("code=409");
    const error = await client.addComment("12345", "file", "Same again").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ItemAlreadyExistsError);
    expect(error).toMatchObject({ status: 409, code: "recent_similar_comment" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses an unknown item type or an empty message before any request", async () => {
    const { client, exchanges } = contractClient();
    // @ts-expect-error "folder" is not a comment item type
    await expect(client.addComment("12345", "folder", "Hi")).rejects.toMatchObject({ name: "BoxValidationError", argument: "type" });
    await expect(client.addComment("12345", "file", "  ")).rejects.toMatchObject({ name: "BoxValidationError", argument: "message" });
    expect(exchanges).toEqual([]);
  });
});

describe("changeComment", () => {
  it("replaces a comment's text", async () => {
    const { client, exchanges } = contractClient();
    const comment = await client.changeComment("191969", "Please check sections 2 and 3.");
    expect(comment.id).toBe("191969");
    expect(exchanges[0]?.method).toBe("PUT");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ message: "Please check sections 2 and 3." });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxForbiddenError when the caller is not the author", async () => {
    const { client, exchanges } = contractClient("code=403");
    await expect(client.changeComment("191969", "Edited")).rejects.toBeInstanceOf(BoxForbiddenError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("deleteComment", () => {
  it("deletes a comment and resolves with nothing", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.deleteComment("191969")).resolves.toBeUndefined();
    expect(exchanges[0]).toMatchObject({ method: "DELETE", status: 204 });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing comment", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.deleteComment("1")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
