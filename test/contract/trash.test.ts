import { describe, expect, it } from "vitest";
import { BoxBadRequestError, BoxForbiddenError, ItemAlreadyExistsError, ItemDoesNotExistError } from "../../src/index.js";
import { contractClient, violationsOf, jsonBody, requestLine } from "../support/contract.js";

describe("restoreFile", () => {
  it("restores a file under a new name", async () => {
    const { client, exchanges } = contractClient();
    const file = await client.restoreFile("12345", { newName: "hello (restored).txt" });
    expect(file).toMatchObject({ id: "12345", type: "file" });
    expect(requestLine(exchanges[0])).toBe("POST /files/12345");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ name: "hello (restored).txt" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("names a fallback parent for when the original folder is gone", async () => {
    const { client, exchanges } = contractClient();
    await client.restoreFile("12345", { parentId: "0" });
    expect(jsonBody(exchanges[0]?.body)).toEqual({ parent: { id: "0" } });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemAlreadyExistsError when the name is taken", async () => {
    const { client, exchanges } = contractClient("code=409");
    const error = await client.restoreFile("12345").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ItemAlreadyExistsError);
    expect(error).toMatchObject({ status: 409, code: "item_name_in_use" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError when the file is not in the trash", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.restoreFile("12345")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("restoreFolder", () => {
  it("restores a folder", async () => {
    const { client, exchanges } = contractClient();
    const folder = await client.restoreFolder("4353455", { fields: ["name"] });
    expect(folder).toMatchObject({ id: "4353455", type: "folder" });
    expect(requestLine(exchanges[0])).toBe("POST /folders/4353455?fields=name");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemAlreadyExistsError when the name is taken", async () => {
    const { client, exchanges } = contractClient("code=409");
    await expect(client.restoreFolder("4353455", { newName: "Documents" })).rejects.toBeInstanceOf(ItemAlreadyExistsError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxForbiddenError when the user may not restore it", async () => {
    const { client, exchanges } = contractClient("code=403");
    await expect(client.restoreFolder("4353455")).rejects.toBeInstanceOf(BoxForbiddenError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("deleteTrashedFile", () => {
  it("removes a trashed file for good", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.deleteTrashedFile("12345")).resolves.toBeUndefined();
    expect(requestLine(exchanges[0])).toBe("DELETE /files/12345/trash");
    expect(exchanges[0]?.status).toBe(204);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError when the file is not in the trash", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.deleteTrashedFile("12345")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("deleteTrashedFolder", () => {
  it("removes a trashed folder for good", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.deleteTrashedFolder("4353455")).resolves.toBeUndefined();
    expect(requestLine(exchanges[0])).toBe("DELETE /folders/4353455/trash");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError when the folder is not in the trash", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.deleteTrashedFolder("4353455")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("getTrashItems", () => {
  it("lists a page of the trash with offset paging and sorting", async () => {
    const { client, exchanges } = contractClient();
    const trash = await client.getTrashItems({ limit: 100, offset: 0, sort: "date", direction: "DESC" });
    expect(trash.entries.map((entry) => entry.type)).toEqual(["file", "folder"]);
    expect(requestLine(exchanges[0])).toBe("GET /folders/trash/items?limit=100&offset=0&sort=date&direction=DESC");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("turns marker paging on when a marker is given", async () => {
    const { client, exchanges } = contractClient();
    await client.getTrashItems({ marker: "JV9IRGZmieiBasejOG9yDCRNgd2ymoZIbjsxbJMjIs3kioVii" });
    expect(requestLine(exchanges[0])).toBe("GET /folders/trash/items?usemarker=true&marker=JV9IRGZmieiBasejOG9yDCRNgd2ymoZIbjsxbJMjIs3kioVii");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses sort with marker paging before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.getTrashItems({ usemarker: true, sort: "name" })).rejects.toMatchObject({ name: "BoxValidationError", argument: "options.sort" });
    expect(exchanges).toEqual([]);
  });

  it("throws BoxBadRequestError when Box refuses the parameters", async () => {
    const { client, exchanges } = contractClient("code=400");
    await expect(client.getTrashItems({ offset: 0 })).rejects.toBeInstanceOf(BoxBadRequestError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
