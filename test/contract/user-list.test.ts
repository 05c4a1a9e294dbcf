import { describe, expect, it } from "vitest";
import { BoxForbiddenError } from "../../src/index.js";
import { contractClient, violationsOf, requestLine } from "../support/contract.js";

describe("getUserList", () => {
  it("lists users with a filter, a type and offset paging", async () => {
    const { client, exchanges } = contractClient();
    const users = await client.getUserList({ limit: 100, offset: 0, filterTerm: "aaron", userType: "managed", fields: ["login", "role"] });
    expect(users.entries.map((user) => user.login)).toEqual(["ceo@example.com", "dylan@example.com"]);
    expect(requestLine(exchanges[0])).toBe("GET /users?limit=100&offset=0&filter_term=aaron&user_type=managed&fields=login,role");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("turns marker paging on when a marker is given", async () => {
    const { client, exchanges } = contractClient();
    await client.getUserList({ marker: "JV9IRGZmieiBasejOG9yDCRNgd2ymoZIbjsxbJMjIs3kioVii" });
    expect(requestLine(exchanges[0])).toBe("GET /users?usemarker=true&marker=JV9IRGZmieiBasejOG9yDCRNgd2ymoZIbjsxbJMjIs3kioVii");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxForbiddenError for a user who is not an admin", async () => {
    const { client, exchanges } = contractClient("code=403");
    await expect(client.getUserList()).rejects.toBeInstanceOf(BoxForbiddenError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses a limit above 1000 before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.getUserList({ limit: 1001 })).rejects.toMatchObject({ argument: "options.limit" });
    expect(exchanges).toEqual([]);
  });
});
