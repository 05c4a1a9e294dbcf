import { describe, expect, it } from "vitest";
import { BoxClient, ItemAlreadyExistsError, ItemDoesNotExistError, PreconditionFailedError } from "../../src/index.js";
import { ACCESS_TOKEN, contractClient, UPLOAD_ORIGIN, violationsOf, type RecordedExchange } from "../support/contract.js";

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

const MiB = 1024 * 1024;
/** Just over Box's 20 MiB minimum: the example session cuts it into three 8 MiB parts. */
const CHUNKED = new Uint8Array(20 * MiB + 5);

/**
 * A contract client for chunked uploads. Prism resets the connection on
 * multi-megabyte request bodies, and it checks nothing inside a binary part,
 * so the part bodies it receives are cut to their first KiB (and lose their
 * Content-Length); paths, other headers (Content-Range, Digest, If-Match) and
 * JSON bodies reach it unchanged.
 */
function chunkedContractClient(prefer?: string) {
  const recorded = contractClient(prefer);
  const exchanges: RecordedExchange[] = [];
  const client = new BoxClient(ACCESS_TOKEN, {
    baseUrl: recorded.prismUrl,
    uploadUrl: UPLOAD_ORIGIN,
    maxRetries: 0,
    async fetch(request) {
      if (prefer) request.headers.set("prefer", prefer);
      const url = request.url.replace(UPLOAD_ORIGIN, recorded.prismUrl);
      const binary = request.headers.get("content-type") === "application/octet-stream";
      const body = request.body === null ? null : binary ? (await request.arrayBuffer()).slice(0, 1024) : await request.arrayBuffer();
      const forwarded = new Headers(request.headers);
      forwarded.delete("content-length"); // the body may have been cut
      const response = await fetch(url, { method: request.method, headers: forwarded, body, signal: request.signal });
      exchanges.push({
        method: request.method,
        url: request.url,
        status: response.status,
        headers: new Headers(request.headers),
        violations: response.headers.get("sl-violations"),
        body: body === null || binary ? null : new TextDecoder().decode(body),
      });
      return response;
    },
  });
  return { client, exchanges };
}

describe("chunked uploadFile", () => {
  it("creates a session, sends parts with Content-Range and Digest, and commits", async () => {
    const { client, exchanges } = chunkedContractClient();
    const file = await client.uploadFile("video.mp4", CHUNKED, { chunkThreshold: 20 * MiB });
    expect(file).toMatchObject({ id: "12345", name: "video.mp4" });
    const calls = exchanges.map((e) => `${e.method} ${e.url.replace(UPLOAD_ORIGIN, "")}`);
    expect(calls[0]).toBe("POST /files/upload_sessions");
    expect(calls.filter((c) => c.startsWith("PUT /files/upload_sessions/"))).toHaveLength(3);
    expect(calls.at(-1)).toMatch(/^POST \/files\/upload_sessions\/\w+\/commit$/);
    const ranges = exchanges.filter((e) => e.method === "PUT").map((e) => e.headers.get("content-range"));
    expect(ranges.sort()).toEqual([`bytes 0-8388607/${CHUNKED.length}`, `bytes 16777216-${CHUNKED.length - 1}/${CHUNKED.length}`, `bytes 8388608-16777215/${CHUNKED.length}`]);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError when the folder is missing", async () => {
    const { client, exchanges } = chunkedContractClient("code=404");
    await expect(client.uploadFile("video.mp4", CHUNKED, { parent: "999", chunkThreshold: 20 * MiB })).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(exchanges).toHaveLength(1);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("overwriteFile", () => {
  it("uploads a new version to the upload host with If-Match", async () => {
    const { client, exchanges } = contractClient();
    const file = await client.overwriteFile("12345", "hello world", { etag: "1", name: "hello.txt" });
    expect(file).toMatchObject({ id: "12345", etag: "2" });
    expect(exchanges[0]?.url).toBe(`${UPLOAD_ORIGIN}/files/12345/content`);
    expect(exchanges[0]?.headers.get("if-match")).toBe("1");
    expect(exchanges[0]?.headers.get("content-md5")).toBe(HELLO_SHA1);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws PreconditionFailedError when the etag no longer matches", async () => {
    const { client, exchanges } = contractClient("code=412");
    await expect(client.overwriteFile("12345", "hello world", { etag: "0" })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("sends a large new version through a version upload session", async () => {
    const { client, exchanges } = chunkedContractClient();
    await client.overwriteFile("12345", CHUNKED, { etag: "1", chunkThreshold: 20 * MiB });
    expect(exchanges[0]?.url).toBe(`${UPLOAD_ORIGIN}/files/12345/upload_sessions`);
    expect(exchanges.at(-1)?.headers.get("if-match")).toBe("1");
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("preflightUpload", () => {
  it("asks the API host whether an upload would be accepted", async () => {
    const { client, exchanges, prismUrl } = contractClient();
    const answer = await client.preflightUpload("video.mp4", 20 * MiB, { parent: "0" });
    expect(answer.upload_url).toMatch(/^https:\/\//);
    expect(exchanges[0]).toMatchObject({ method: "OPTIONS", url: `${prismUrl}/files/content` });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemAlreadyExistsError when the name is taken", async () => {
    const { client, exchanges } = contractClient("code=409");
    await expect(client.preflightUpload("hello.txt", 11)).rejects.toBeInstanceOf(ItemAlreadyExistsError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("upload session calls (typed client)", () => {
  const session = { upload_session_id: "F971964745A5CD0C001BBE4E58196BFD" };

  it("reads a session's state and its parts", async () => {
    const { client, exchanges } = contractClient();
    const state = await client.api.GET("/files/upload_sessions/{upload_session_id}", { baseUrl: UPLOAD_ORIGIN, params: { path: session } });
    const parts = await client.api.GET("/files/upload_sessions/{upload_session_id}/parts", { baseUrl: UPLOAD_ORIGIN, params: { path: session, query: { limit: 100 } } });
    expect(state.data).toMatchObject({ type: "upload_session", part_size: 8388608 });
    expect(parts.data?.entries[0]).toMatchObject({ offset: 0, size: 8388608 });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("aborts a session", async () => {
    const { client, exchanges } = contractClient();
    const result = await client.api.DELETE("/files/upload_sessions/{upload_session_id}", { baseUrl: UPLOAD_ORIGIN, params: { path: session } });
    expect(result.response.status).toBe(204);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("answers 404 for an unknown session", async () => {
    const { client, exchanges } = contractClient("code=404");
    const result = await client.api.GET("/files/upload_sessions/{upload_session_id}", { baseUrl: UPLOAD_ORIGIN, params: { path: session } });
    expect(result.response.status).toBe(404);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("asks to commit again with 202 while parts are processed", async () => {
    const { client, exchanges } = contractClient("code=202");
    const result = await client.api.POST("/files/upload_sessions/{upload_session_id}/commit", {
      baseUrl: UPLOAD_ORIGIN,
      params: { path: session, header: { digest: "sha=Kq5sNclPz7QV2+lfQIuc6R7oRu0=" } },
      body: { parts: [{ part_id: "6F2D3486", offset: 0, size: 11, sha1: HELLO_SHA1 }] },
    });
    expect(result.response.status).toBe(202);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
