import { describe, expect, it } from "vitest";
import { contractClient, violationsOf, requestLine } from "../support/contract.js";

describe("getFolderContent paging", () => {
  it("turns marker paging on when only a marker is given", async () => {
    const { client, exchanges } = contractClient("example=marker");
    await client.getFolderContent("0", { marker: "JV9IRGZmieiBasejOG9yDCRNgd2ymoZIbjsxbJMjIs3kioVii", limit: 2 });
    expect(requestLine(exchanges[0])).toBe("GET /folders/0/items?limit=2&usemarker=true&marker=JV9IRGZmieiBasejOG9yDCRNgd2ymoZIbjsxbJMjIs3kioVii");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("pages by offset when no marker is given", async () => {
    const { client, exchanges } = contractClient();
    const page = await client.getFolderContent("0", { offset: 100, limit: 100 });
    expect(page.total_count).toBe(3);
    expect(requestLine(exchanges[0])).toBe("GET /folders/0/items?limit=100&offset=100");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses an offset above 10000 before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.getFolderContent("0", { offset: 10001 })).rejects.toMatchObject({ argument: "options.offset" });
    expect(exchanges).toEqual([]);
  });
});
