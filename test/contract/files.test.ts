import { describe, expect, it } from "vitest";
import { ItemAlreadyExistsError, ItemDoesNotExistError, PreconditionFailedError } from "../../src/index.js";
import { contractClient, violationsOf } from "../support/contract.js";

describe("getFileMetadata", () => {
  it("reads a file's attributes", async () => {
    const { client, exchanges } = contractClient();
    const file = await client.getFileMetadata("12345");
    expect(file).toMatchObject({ id: "12345", type: "file", name: "hello.txt", size: 11 });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing file", async () => {
    const { client, exchanges } = contractClient("code=404");
    const error = await client.getFileMetadata("999").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ItemDoesNotExistError);
    expect(error).toMatchObject({ status: 404, code: "not_found" });
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("deleteFile", () => {
  it("deletes a file and resolves with nothing", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.deleteFile("12345")).resolves.toBeUndefined();
    expect(exchanges[0]).toMatchObject({ method: "DELETE", status: 204 });
    expect(exchanges[0]?.headers.has("if-match")).toBe(false);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("sends the etag as If-Match", async () => {
    const { client, exchanges } = contractClient();
    await client.deleteFile("12345", { etag: "3" });
    expect(exchanges[0]?.headers.get("if-match")).toBe("3");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws PreconditionFailedError when the etag no longer matches", async () => {
    const { client, exchanges } = contractClient("code=412");
    await expect(client.deleteFile("12345", { etag: "1" })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("copyFile", () => {
  it("copies into the source's own folder under a new name", async () => {
    const { client, exchanges } = contractClient();
    const copy = await client.copyFile("12345", { newFilename: "goodbye.txt" });
    expect(copy.type).toBe("file");
    expect(exchanges.map((e) => `${e.method} ${new URL(e.url).pathname}`)).toEqual(["GET /files/12345", "POST /files/12345/copy"]);
    expect(new URL(exchanges[0]?.url ?? "").searchParams.get("fields")).toBe("parent");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("copies into a given folder without looking up the source", async () => {
    const { client, exchanges } = contractClient();
    await client.copyFile("12345", { parentId: "0" });
    expect(exchanges.map((e) => e.method)).toEqual(["POST"]);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemAlreadyExistsError carrying the conflicting item", async () => {
    const { client, exchanges } = contractClient("code=409");
    const error = await client.copyFile("12345", { parentId: "0", newFilename: "hello.txt" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ItemAlreadyExistsError);
    expect(error).toMatchObject({ status: 409, code: "item_name_in_use", contextInfo: { conflicts: { id: "12345" } } });
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
