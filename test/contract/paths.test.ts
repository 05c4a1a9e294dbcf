import { describe, expect, it } from "vitest";
import { ItemDoesNotExistError } from "../../src/index.js";
import { contractClient, violationsOf, requestLine } from "../support/contract.js";

describe("getPathOfFile", () => {
  it("reads a file's name and parents and joins them without All Files", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.getPathOfFile("12345")).resolves.toBe("/Documents/hello.txt");
    expect(exchanges.map(requestLine)).toEqual(["GET /files/12345?fields=name,path_collection"]);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("makes no request when given a file object that has its path", async () => {
    const { client, exchanges } = contractClient();
    const file = { name: "a.txt", path_collection: { total_count: 1, entries: [{ id: "0", type: "folder" as const, name: "All Files" }] } };
    await expect(client.getPathOfFile(file)).resolves.toBe("/a.txt");
    expect(exchanges).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing file", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.getPathOfFile("999")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
