import { describe, expect, it } from "vitest";
import { ItemAlreadyExistsError, ItemDoesNotExistError } from "../../src/index.js";
import { contractClient, UPLOAD_ORIGIN, violationsOf } from "../support/contract.js";

const HELLO_SHA1 = "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed";

describe("uploadFile", () => {
  it("uploads a string to the upload host with its SHA-1", async () => {
    const { client, exchanges } = contractClient();
    const file = await client.uploadFile("hello.txt", "hello world");
    expect(file).toMatchObject({ id: "12345", type: "file", name: "hello.txt" });
    expect(exchanges[0]?.url).toBe(`${UPLOAD_ORIGIN}/files/content`);
    expect(exchanges[0]?.headers.get("content-md5")).toBe(HELLO_SHA1);
    expect(exchanges[0]?.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("uploads bytes and Blobs the same way", async () => {
    const { client, exchanges } = contractClient();
    await client.uploadFile("a.bin", new TextEncoder().encode("hello world"), { parent: "4353455" });
    await client.uploadFile("b.bin", new Blob(["hello world"]));
    expect(exchanges.map((e) => e.headers.get("content-md5"))).toEqual([HELLO_SHA1, HELLO_SHA1]);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemAlreadyExistsError when the name is taken", async () => {
    const { client, exchanges } = contractClient("code=409");
    const error = await client.uploadFile("hello.txt", "hello world").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ItemAlreadyExistsError);
    expect(error).toMatchObject({ code: "item_name_in_use", contextInfo: { conflicts: { id: "12345", etag: "1" } } });
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("downloadFile", () => {
  it("returns the content as a streamed fetch Response", async () => {
    const { client, exchanges } = contractClient();
    const response = await client.downloadFile("12345");
    expect(response).toBeInstanceOf(Response);
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe("hello world");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("asks for a byte range", async () => {
    const { client, exchanges } = contractClient();
    await (await client.downloadFile("12345", { range: { start: 0, end: 4 } })).arrayBuffer();
    expect(exchanges[0]?.headers.get("range")).toBe("bytes=0-4");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing file", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.downloadFile("999")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
