import { describe, expect, it } from "vitest";
import { BoxForbiddenError } from "../../src/index.js";
import { contractClient, violationsOf, requestLine } from "../support/contract.js";

// Prism serves the same example to every request, so crossing page boundaries
// and stopping early are proven with counted requests in test/unit/iterators.test.ts.
describe("getFolderIterator", () => {
  it("asks for marker paging and stops when Box gives no next marker", async () => {
    const { client, exchanges } = contractClient("example=marker");
    const names: string[] = [];
    for await (const entry of client.getFolderIterator("0", { limit: 1000, fields: ["name"] })) names.push(entry.name ?? "");
    expect(names).toEqual(["hello.txt"]);
    expect(exchanges.map(requestLine)).toEqual(["GET /folders/0/items?usemarker=true&limit=1000&fields=name"]);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("rejects on the first step with Box's error", async () => {
    const { client, exchanges } = contractClient("code=403");
    await expect(client.getFolderIterator("4353455").next()).rejects.toBeInstanceOf(BoxForbiddenError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("checks its arguments at the call, before any request", async () => {
    const { client, exchanges } = contractClient();
    expect(() => client.getFolderIterator("../users/me")).toThrow(expect.objectContaining({ argument: "folderId" }));
    expect(exchanges).toEqual([]);
  });
});
