import { describe, expect, it } from "vitest";
import { BoxForbiddenError, ItemDoesNotExistError, PreconditionFailedError, ShareAccess } from "../../src/index.js";
import { contractClient, violationsOf, jsonBody, requestLine } from "../support/contract.js";

describe("shareLink", () => {
  it("creates a file link with access, expiry, permissions and password", async () => {
    const { client, exchanges } = contractClient();
    const link = await client.shareLink("12345", {
      access: ShareAccess.OPEN,
      expireAt: new Date("2030-01-01T00:00:00Z"),
      canDownload: true,
      canPreview: true,
      canEdit: false,
      password: "Letmein-2030",
    });
    expect(link).toMatchObject({ url: "https://app.box.com/s/rh935iit6ewrmw0unyul", access: "open" });
    expect(requestLine(exchanges[0])).toBe("PUT /files/12345?fields=shared_link");
    expect(jsonBody(exchanges[0]?.body)).toEqual({
      shared_link: {
        access: "open",
        password: "Letmein-2030",
        unshared_at: "2030-01-01T00:00:00Z",
        permissions: { can_download: true, can_preview: true, can_edit: false },
      },
    });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("creates a link with the enterprise defaults when no option is given", async () => {
    const { client, exchanges } = contractClient();
    await client.shareLink("12345");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ shared_link: {} });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses a password on a link that is not open, before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.shareLink("12345", { access: ShareAccess.COMPANY, password: "Letmein-2030" })).rejects.toMatchObject({
      argument: "options.password",
    });
    expect(exchanges).toEqual([]);
  });

  it("throws PreconditionFailedError when the etag no longer matches", async () => {
    const { client, exchanges } = contractClient("code=412");
    await expect(client.shareLink("12345", { etag: "0" })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(exchanges[0]?.headers.get("if-match")).toBe("0");
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("shareFolderLink", () => {
  it("creates a company-wide folder link", async () => {
    const { client, exchanges } = contractClient();
    const link = await client.shareFolderLink("4353455", { access: ShareAccess.COMPANY, canDownload: false });
    expect(link.access).toBe("company");
    expect(requestLine(exchanges[0])).toBe("PUT /folders/4353455?fields=shared_link");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ shared_link: { access: "company", permissions: { can_download: false } } });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing folder", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.shareFolderLink("4353455")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("unshareLink", () => {
  it("removes a file's link by sending shared_link: null", async () => {
    const { client, exchanges } = contractClient("example=file");
    await expect(client.unshareLink("12345")).resolves.toBeUndefined();
    expect(requestLine(exchanges[0])).toBe("PUT /files/12345?fields=shared_link");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ shared_link: null });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxForbiddenError when the user may not change the link", async () => {
    const { client, exchanges } = contractClient("code=403");
    await expect(client.unshareLink("12345")).rejects.toBeInstanceOf(BoxForbiddenError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("unshareFolderLink", () => {
  it("removes a folder's link by sending shared_link: null", async () => {
    const { client, exchanges } = contractClient("example=folder");
    await client.unshareFolderLink("4353455", { etag: "1" });
    expect(jsonBody(exchanges[0]?.body)).toEqual({ shared_link: null });
    expect(exchanges[0]?.headers.get("if-match")).toBe("1");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws PreconditionFailedError when the etag no longer matches", async () => {
    const { client, exchanges } = contractClient("code=412");
    await expect(client.unshareFolderLink("4353455", { etag: "0" })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("getSharedItem", () => {
  it("opens a link with the BoxApi header", async () => {
    const { client, exchanges } = contractClient();
    const item = await client.getSharedItem("https://app.box.com/s/rh935iit6ewrmw0unyul");
    expect(item).toMatchObject({ type: "file", id: "12345" });
    expect(exchanges[0]?.headers.get("boxapi")).toBe("shared_link=https://app.box.com/s/rh935iit6ewrmw0unyul");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("adds the password to the BoxApi header and may return a folder", async () => {
    const { client, exchanges } = contractClient("example=folder");
    const item = await client.getSharedItem("https://app.box.com/s/vspke7y05sb214wjokpk", { password: "Letmein-2030", fields: ["name"] });
    expect(item.type).toBe("folder");
    expect(exchanges[0]?.headers.get("boxapi")).toBe("shared_link=https://app.box.com/s/vspke7y05sb214wjokpk&shared_link_password=Letmein-2030");
    expect(requestLine(exchanges[0])).toBe("GET /shared_items?fields=name");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxForbiddenError incorrect_shared_item_password for a wrong password", async () => {
    const { client, exchanges } = contractClient("code=403");
    const error = await client.getSharedItem("https://app.box.com/s/rh935iit6ewrmw0unyul", { password: "wrong-one" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxForbiddenError);
    expect(error).toMatchObject({ code: "incorrect_shared_item_password" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses a link that is not a URL before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.getSharedItem("rh935iit6ewrmw0unyul")).rejects.toMatchObject({ argument: "sharedLink" });
    expect(exchanges).toEqual([]);
  });
});
