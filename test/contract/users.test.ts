import { describe, expect, it } from "vitest";
import { ItemDoesNotExistError } from "../../src/index.js";
import { ACCESS_TOKEN, contractClient, violationsOf } from "../support/contract.js";

describe("getUserInfo", () => {
  it("reads the signed-in user by default, with the bearer token", async () => {
    const { client, exchanges } = contractClient();
    const me = await client.getUserInfo();
    expect(me).toMatchObject({ id: "11446498", type: "user", login: "ceo@example.com" });
    expect(exchanges[0]?.url).toMatch(/\/users\/me$/);
    expect(exchanges[0]?.headers.get("authorization")).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("reads another user by id", async () => {
    const { client, exchanges } = contractClient();
    const user = await client.getUserInfo("11446498");
    expect(user.id).toBe("11446498");
    expect(exchanges[0]?.url).toMatch(/\/users\/11446498$/);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("sends fields comma-joined in one parameter", async () => {
    const { client, exchanges } = contractClient();
    await client.getUserInfo("me", { fields: ["name", "login"] });
    const url = new URL(exchanges[0]?.url ?? "");
    expect(url.searchParams.getAll("fields")).toEqual(["name,login"]);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError with Box's code and request id for an unknown user", async () => {
    const { client, exchanges } = contractClient("code=404");
    const error = await client.getUserInfo("404404").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ItemDoesNotExistError);
    expect(error).toMatchObject({ status: 404, code: "not_found", requestId: "7d4ab2c9e1f05a3b" });
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
