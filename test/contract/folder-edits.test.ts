import { describe, expect, it } from "vitest";
import { BoxBadRequestError, ItemAlreadyExistsError, ItemDoesNotExistError, PreconditionFailedError } from "../../src/index.js";
import { contractClient, violationsOf, jsonBody, requestLine } from "../support/contract.js";

describe("createFolder", () => {
  it("creates a folder in the root by default", async () => {
    const { client, exchanges } = contractClient();
    const folder = await client.createFolder("Documents");
    expect(folder).toMatchObject({ id: "4353455", type: "folder" });
    expect(requestLine(exchanges[0])).toBe("POST /folders");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ name: "Documents", parent: { id: "0" } });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("creates a folder in the given parent with typed fields", async () => {
    const { client, exchanges } = contractClient();
    await client.createFolder("2026", "4353455", { fields: ["name", "path_collection"] });
    expect(requestLine(exchanges[0])).toBe("POST /folders?fields=name,path_collection");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ name: "2026", parent: { id: "4353455" } });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemAlreadyExistsError listing the folder that holds the name", async () => {
    const { client, exchanges } = contractClient("code=409");
    const error = await client.createFolder("Documents").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ItemAlreadyExistsError);
    expect(error).toMatchObject({ code: "item_name_in_use", contextInfo: { conflicts: [{ id: "4353455" }] } });
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("copyFolder", () => {
  it("copies a folder into a parent under a new name", async () => {
    const { client, exchanges } = contractClient();
    const copy = await client.copyFolder("4353455", "0", { newName: "Documents (copy)" });
    expect(copy.type).toBe("folder");
    expect(requestLine(exchanges[0])).toBe("POST /folders/4353455/copy");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ parent: { id: "0" }, name: "Documents (copy)" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError when the source is missing", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.copyFolder("1", "0")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("moveFolder", () => {
  it("sends the new parent alone, because Box refuses a move with other changes", async () => {
    const { client, exchanges } = contractClient("example=folder");
    const folder = await client.moveFolder("4353455", "0", { etag: "0" });
    expect(folder.id).toBe("4353455");
    expect(requestLine(exchanges[0])).toBe("PUT /folders/4353455");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ parent: { id: "0" } });
    expect(exchanges[0]?.headers.get("if-match")).toBe("0");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws PreconditionFailedError when the etag no longer matches", async () => {
    const { client, exchanges } = contractClient("code=412");
    await expect(client.moveFolder("4353455", "0", { etag: "7" })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses to move the root folder before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.moveFolder("0", "4353455")).rejects.toMatchObject({ name: "BoxValidationError", argument: "folderId" });
    expect(exchanges).toEqual([]);
  });
});

describe("deleteFolder", () => {
  it("deletes recursively with If-Match", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.deleteFolder("4353455", { recursive: true, etag: "0" })).resolves.toBeUndefined();
    expect(requestLine(exchanges[0])).toBe("DELETE /folders/4353455?recursive=true");
    expect(exchanges[0]?.headers.get("if-match")).toBe("0");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("sends neither recursive nor If-Match unless asked", async () => {
    const { client, exchanges } = contractClient();
    await client.deleteFolder("4353455");
    expect(requestLine(exchanges[0])).toBe("DELETE /folders/4353455");
    expect(exchanges[0]?.headers.has("if-match")).toBe(false);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxBadRequestError folder_not_empty for a non-empty folder without recursive", async () => {
    const { client, exchanges } = contractClient("code=400");
    await expect(client.deleteFolder("4353455")).rejects.toSatisfy((e) => e instanceof BoxBadRequestError && e.code === "folder_not_empty");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws PreconditionFailedError when the etag no longer matches", async () => {
    const { client, exchanges } = contractClient("code=412");
    await expect(client.deleteFolder("4353455", { etag: "1" })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
