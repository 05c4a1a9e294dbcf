import { describe, expect, it } from "vitest";
import { BoxForbiddenError, ItemAlreadyExistsError, ItemDoesNotExistError, PreconditionFailedError } from "../../src/index.js";
import { contractClient, violationsOf, jsonBody, requestLine } from "../support/contract.js";

describe("moveFile", () => {
  it("moves a file into another folder under a new name", async () => {
    const { client, exchanges } = contractClient("example=file");
    const file = await client.moveFile("12345", "4353455", { newName: "hello (moved).txt", fields: ["name", "parent"] });
    expect(file).toMatchObject({ id: "12345", type: "file" });
    expect(requestLine(exchanges[0])).toBe("PUT /files/12345?fields=name,parent");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ parent: { id: "4353455" }, name: "hello (moved).txt" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("keeps the name when none is given and sends the etag as If-Match", async () => {
    const { client, exchanges } = contractClient();
    await client.moveFile("12345", "0", { etag: "1" });
    expect(jsonBody(exchanges[0]?.body)).toEqual({ parent: { id: "0" } });
    expect(exchanges[0]?.headers.get("if-match")).toBe("1");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemAlreadyExistsError when the destination has that name", async () => {
    const { client, exchanges } = contractClient("code=409");
    await expect(client.moveFile("12345", "0")).rejects.toBeInstanceOf(ItemAlreadyExistsError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws PreconditionFailedError when the etag no longer matches", async () => {
    const { client, exchanges } = contractClient("code=412");
    await expect(client.moveFile("12345", "0", { etag: "0" })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("getFileVersions", () => {
  it("lists a file's earlier versions with paging", async () => {
    const { client, exchanges } = contractClient();
    const versions = await client.getFileVersions("12345", { limit: 1000, offset: 0, fields: ["sha1", "version_number"] });
    expect(versions.entries.map((version) => version.version_number)).toEqual(["2", "1"]);
    expect(requestLine(exchanges[0])).toBe("GET /files/12345/versions?fields=sha1,version_number&limit=1000&offset=0");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxForbiddenError when versions are not available to the user", async () => {
    const { client, exchanges } = contractClient("code=403");
    await expect(client.getFileVersions("12345")).rejects.toBeInstanceOf(BoxForbiddenError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing file", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.getFileVersions("999")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
