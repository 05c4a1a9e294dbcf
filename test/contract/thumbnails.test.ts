import { describe, expect, it } from "vitest";
import { BoxBadRequestError, ItemDoesNotExistError } from "../../src/index.js";
import { contractClient, violationsOf, requestLine } from "../support/contract.js";

describe("getThumbnail", () => {
  it("returns the image bytes of a png thumbnail with size limits", async () => {
    const { client, exchanges } = contractClient();
    const bytes = await client.getThumbnail("12345", { minHeight: 32, maxHeight: 160, minWidth: 32, maxWidth: 160 });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes ?? new Uint8Array())).toBe("PNG-bytes");
    expect(requestLine(exchanges[0])).toBe("GET /files/12345/thumbnail.png?min_height=32&max_height=160&min_width=32&max_width=160");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("asks for a jpg when told to", async () => {
    const { client, exchanges } = contractClient();
    await client.getThumbnail("12345", { extension: "jpg" });
    expect(requestLine(exchanges[0])).toBe("GET /files/12345/thumbnail.jpg");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("returns null without following the redirect when no thumbnail can be drawn (302)", async () => {
    const { client, exchanges } = contractClient("code=302");
    await expect(client.getThumbnail("12345")).resolves.toBeNull();
    expect(exchanges.map(requestLine)).toEqual(["GET /files/12345/thumbnail.png"]);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("returns null at once for a thumbnail still being drawn (202) when maxWait is 0", async () => {
    const { client, exchanges } = contractClient("code=202");
    await expect(client.getThumbnail("12345")).resolves.toBeNull();
    expect(exchanges).toHaveLength(1);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxBadRequestError when the size limits cannot be met", async () => {
    const { client, exchanges } = contractClient("code=400");
    const error = await client.getThumbnail("12345", { minWidth: 320 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxBadRequestError);
    expect(error).toMatchObject({ code: "requested_preview_unavailable" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing file", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.getThumbnail("999")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses sizes outside 32-320 before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.getThumbnail("12345", { maxWidth: 1024 })).rejects.toMatchObject({ argument: "options.maxWidth" });
    expect(exchanges).toEqual([]);
  });
});
