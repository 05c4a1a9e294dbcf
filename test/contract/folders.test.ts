import { describe, expect, it } from "vitest";
import { BoxForbiddenError, ItemDoesNotExistError } from "../../src/index.js";
import { contractClient, violationsOf } from "../support/contract.js";

describe("getFolder", () => {
  it("reads a folder with its first page of entries", async () => {
    const { client, exchanges } = contractClient();
    const folder = await client.getFolder("4353455");
    expect(folder).toMatchObject({ id: "4353455", type: "folder", name: "Documents" });
    expect(folder.item_collection?.entries[0]).toMatchObject({ type: "file", name: "hello.txt" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("reads the root folder when no id is given", async () => {
    const { client, exchanges } = contractClient();
    await client.getFolder();
    expect(exchanges[0]?.url).toMatch(/\/folders\/0$/);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing folder", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.getFolder("1")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("getFolderContent", () => {
  it("lists a page of entries of every kind", async () => {
    const { client, exchanges } = contractClient();
    const page = await client.getFolderContent("0", { limit: 100, offset: 0, sort: "name", direction: "ASC" });
    expect(page.entries.map((entry) => entry.type)).toEqual(["folder", "file", "web_link"]);
    const query = new URL(exchanges[0]?.url ?? "").searchParams;
    expect(Object.fromEntries(query)).toEqual({ limit: "100", offset: "0", sort: "name", direction: "ASC" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("asks for marker paging when usemarker is set", async () => {
    const { client, exchanges } = contractClient("example=marker");
    const page = await client.getFolderContent("0", { usemarker: true, marker: "abc" });
    expect(page.next_marker).toBeNull();
    const query = new URL(exchanges[0]?.url ?? "").searchParams;
    expect(query.get("usemarker")).toBe("true");
    expect(query.get("marker")).toBe("abc");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxForbiddenError when the user may not list the folder", async () => {
    const { client, exchanges } = contractClient("code=403");
    await expect(client.getFolderContent("5")).rejects.toBeInstanceOf(BoxForbiddenError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
