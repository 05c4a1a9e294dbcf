import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TransferServer, type TransferServerOptions } from "../../scripts/lib/transfer-server.js";
import { BoxAbortError, BoxClient, BoxValidationError, PreconditionFailedError, type TransferProgress } from "../../src/index.js";
import { downloadFileToPath, nodeSha1, uploadFileFromPath } from "../../src/node/index.js";

const MiB = 1024 * 1024;
const PART = MiB;
/** Just over Box's 20 MiB minimum for a chunked session: 21 parts of 1 MiB and a short last one. */
const BIG = 20 * MiB + 12_345;
const big = randomBytes(BIG);
const bigSha1 = createHash("sha1").update(big).digest("hex");
const scratch = mkdtempSync(join(tmpdir(), "box-ts-transfers-"));

const servers: TransferServer[] = [];
async function setup(options: TransferServerOptions = {}) {
  const server = await new TransferServer({ partSize: PART, ...options }).start();
  servers.push(server);
  const client = new BoxClient("test-token", { baseUrl: server.apiUrl, uploadUrl: server.apiUrl, baseDelayMs: 1, maxDelayMs: 2 });
  return { server, client };
}

function recorder() {
  const events: TransferProgress[] = [];
  return { events, onProgress: (progress: TransferProgress) => void events.push(progress) };
}

function expectWellFormedProgress(events: TransferProgress[], total: number) {
  const loaded = events.map((event) => event.loaded);
  expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
  expect(new Set(loaded).size).toBe(loaded.length);
  expect(events.filter((event) => event.loaded === total)).toHaveLength(1);
  expect(events.at(-1)).toEqual({ loaded: total, total });
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the local upload server is strict", () => {
  let server: TransferServer;
  let session: { id: string };
  const headers = { authorization: "Bearer test-token" };
  beforeAll(async () => {
    server = await new TransferServer({ partSize: PART }).start();
    const created = await fetch(`${server.apiUrl}/files/upload_sessions`, {
      method: "POST",
      headers,
      body: JSON.stringify({ folder_id: "0", file_size: BIG, file_name: "strict.bin" }),
    });
    session = await created.json();
  });
  afterAll(() => server.stop());
  const put = (bytes: Uint8Array, range: string, digest: string) =>
    fetch(`${server.apiUrl}/files/upload_sessions/${session.id}`, { method: "PUT", headers: { ...headers, "content-range": range, digest }, body: new Uint8Array(bytes) });
  const digestOf = (bytes: Uint8Array) => `sha=${createHash("sha1").update(bytes).digest("base64")}`;

  it("refuses a part whose Digest does not match with 400", async () => {
    const response = await put(big.subarray(0, PART), `bytes 0-${PART - 1}/${BIG}`, digestOf(big.subarray(1, PART + 1)));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "bad_digest" });
  });

  it("refuses a range that overlaps a stored part with 416", async () => {
    const part = big.subarray(PART, 2 * PART);
    expect((await put(part, `bytes ${PART}-${2 * PART - 1}/${BIG}`, digestOf(part))).status).toBe(200);
    const again = await put(part, `bytes ${PART}-${2 * PART - 1}/${BIG}`, digestOf(part));
    expect(again.status).toBe(416);
    expect(await again.json()).toMatchObject({ code: "range_overlaps_existing_part" });
  });

  it("refuses a part that does not start on a part boundary with 416", async () => {
    const part = big.subarray(10, PART + 10);
    expect((await put(part, `bytes 10-${PART + 9}/${BIG}`, digestOf(part))).status).toBe(416);
  });
});

describe("chunked uploads", () => {
  it("uploads content over the threshold through a session whose commit Box verifies", async () => {
    const { server, client } = await setup();
    const file = await client.uploadFile("big.bin", new Blob([big]), { chunkThreshold: 20 * MiB });
    expect(file.sha1).toBe(bigSha1);
    expect(server.files.get(file.id)?.bytes?.equals(big)).toBe(true);
    expect(server.log.requests.some((request) => request.path.endsWith("/files/content"))).toBe(false);
  });

  it("keeps the configured number of parts in flight at once", async () => {
    const { server, client } = await setup({ partBarrier: 3 });
    await client.uploadFile("big.bin", big, { chunkThreshold: 20 * MiB, parallelParts: 3 });
    expect(server.log.maxPartsInFlight).toBe(3);
  });

  it("commits again after a 202 with Retry-After", async () => {
    const { server, client } = await setup({ commit202: true });
    const file = await client.uploadFile("big.bin", big, { chunkThreshold: 20 * MiB });
    expect(server.log.commits).toBe(2);
    expect(file.sha1).toBe(bigSha1);
  });

  it("retries a failed part alone", async () => {
    const { server, client } = await setup({ failPartOnce: [3 * PART] });
    const file = await client.uploadFile("big.bin", big, { chunkThreshold: 20 * MiB });
    expect(file.sha1).toBe(bigSha1);
    expect(server.log.partAttempts.get(3 * PART)).toBe(2);
    expect([...server.log.partAttempts.entries()].filter(([, attempts]) => attempts > 1)).toEqual([[3 * PART, 2]]);
  });

  it("uploads a web ReadableStream of announced size in parts", async () => {
    const { server, client } = await setup();
    const file = await client.uploadFile("stream.bin", new Blob([big]).stream(), { size: BIG, chunkThreshold: 20 * MiB });
    expect(file.sha1).toBe(bigSha1);
    expect(server.log.commits).toBeGreaterThan(0);
  });

  it("uploads a Node Readable of announced size in parts", async () => {
    const { client } = await setup();
    const readable = Readable.from((function* () {
      for (let offset = 0; offset < BIG; offset += 64 * 1024) yield big.subarray(offset, offset + 64 * 1024);
    })());
    const file = await client.uploadFile("node.bin", readable, { size: BIG, chunkThreshold: 20 * MiB, hasher: nodeSha1 });
    expect(file.sha1).toBe(bigSha1);
  });

  it("reports monotonic progress that reaches the total exactly once", async () => {
    const { client } = await setup();
    const { events, onProgress } = recorder();
    await client.uploadFile("big.bin", big, { chunkThreshold: 20 * MiB, onProgress });
    expect(events.length).toBeGreaterThan(2);
    expectWellFormedProgress(events, BIG);
  });

  it("aborts the session when the caller aborts", async () => {
    const { server, client } = await setup();
    const controller = new AbortController();
    const error = await client
      .uploadFile("big.bin", big, { chunkThreshold: 20 * MiB, signal: controller.signal, onProgress: () => controller.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxAbortError);
    expect(server.log.aborted).toHaveLength(1);
    expect(server.files.size).toBe(0);
  });

  it("aborts the session when a stream is shorter than announced", async () => {
    const { server, client } = await setup();
    const error = await client.uploadFile("short.bin", new Blob([big]).stream(), { size: BIG + 1, chunkThreshold: 20 * MiB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxValidationError);
    expect(server.log.aborted).toHaveLength(1);
  });

  it("sends a new version in parts and maps a stale etag to PreconditionFailedError", async () => {
    const { client } = await setup();
    const first = await client.uploadFile("v.bin", "first version");
    const stale = await client.overwriteFile(first.id, big, { etag: "7", chunkThreshold: 20 * MiB }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(PreconditionFailedError);
    const fresh = await client.overwriteFile(first.id, big, { etag: first.etag ?? "", chunkThreshold: 20 * MiB });
    expect(fresh).toMatchObject({ id: first.id, sha1: bigSha1, etag: "1" });
  });

  it("uploads a file from disk through the Node helper", async () => {
    const { server, client } = await setup();
    const path = join(scratch, "from-disk.bin");
    writeFileSync(path, big);
    const { events, onProgress } = recorder();
    const file = await uploadFileFromPath(client, path, { chunkThreshold: 20 * MiB, onProgress });
    expect(file).toMatchObject({ name: "from-disk.bin", sha1: bigSha1 });
    expect(server.log.commits).toBeGreaterThan(0);
    expectWellFormedProgress(events, BIG);
  });
});

describe("one-request uploads", () => {
  it("sends content-md5 that the server checks against the content", async () => {
    const { server, client } = await setup();
    const file = await client.uploadFile("hello.txt", "hello world", { parent: "0" });
    expect(file.sha1).toBe("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed");
    expect(server.files.get(file.id)?.bytes?.toString()).toBe("hello world");
    expect(server.log.requests[0]).toMatchObject({ path: "/2.0/files/content", contentMd5: true, status: 201 });
  });

  it("sends a stream of unknown size once, without content-md5, and verifies Box's SHA-1", async () => {
    const { server, client } = await setup();
    const body = randomBytes(3 * MiB + 7);
    const file = await client.uploadFile("s.bin", Readable.from([body.subarray(0, MiB), body.subarray(MiB)]));
    expect(file.sha1).toBe(createHash("sha1").update(body).digest("hex"));
    expect(server.files.get(file.id)?.bytes?.equals(body)).toBe(true);
    expect(server.log.requests[0]).toMatchObject({ path: "/2.0/files/content", contentMd5: false, status: 201 });
  });

  it("reports progress for a one-request upload", async () => {
    const { client } = await setup();
    const { events, onProgress } = recorder();
    await client.uploadFile("p.bin", randomBytes(3 * MiB), { onProgress });
    expectWellFormedProgress(events, 3 * MiB);
  });

  it("overwrites with If-Match and maps 412 to PreconditionFailedError", async () => {
    const { client } = await setup();
    const first = await client.uploadFile("o.txt", "one");
    await expect(client.overwriteFile(first.id, "two", { etag: "9" })).rejects.toBeInstanceOf(PreconditionFailedError);
    const second = await client.overwriteFile(first.id, "two", { etag: first.etag ?? "", name: "renamed.txt" });
    expect(second).toMatchObject({ id: first.id, name: "renamed.txt", etag: "1" });
  });
});

describe("downloads", () => {
  it("follows the redirect to another origin without sending Authorization there", async () => {
    const { server, client } = await setup();
    const file = await client.uploadFile("d.txt", "download me");
    const response = await client.downloadFile(file.id);
    expect(await response.text()).toBe("download me");
    const api = server.log.requests.filter((request) => request.host === "api");
    const download = server.log.requests.filter((request) => request.host === "download");
    expect(api.every((request) => request.authorization)).toBe(true);
    expect(download).toHaveLength(1);
    expect(download[0]?.authorization).toBe(false);
    expect(new URL(server.downloadOrigin).origin).not.toBe(new URL(server.apiUrl).origin);
  });

  it("waits out a 202 with Retry-After", async () => {
    const { server, client } = await setup({ download202: true });
    const file = await client.uploadFile("d.txt", "later");
    expect(await (await client.downloadFile(file.id)).text()).toBe("later");
    expect(server.log.requests.filter((request) => request.status === 202)).toHaveLength(1);
  });

  it("answers a range with 206 and only those bytes", async () => {
    const { client } = await setup();
    const file = await client.uploadFile("r.txt", "0123456789");
    const response = await client.downloadFile(file.id, { range: { start: 2, end: 5 } });
    expect(response.status).toBe(206);
    expect(await response.text()).toBe("2345");
  });

  it("reports download progress up to Content-Length exactly once", async () => {
    const { server, client } = await setup();
    const id = server.addSyntheticFile(5 * MiB + 3);
    const { events, onProgress } = recorder();
    const bytes = await (await client.downloadFile(id, { onProgress })).arrayBuffer();
    expect(bytes.byteLength).toBe(5 * MiB + 3);
    expectWellFormedProgress(events, 5 * MiB + 3);
  });

  it("writes a download to a path with the Node helper", async () => {
    const { server, client } = await setup();
    const id = server.addSyntheticFile(BIG);
    const path = join(scratch, "downloaded.bin");
    const { events, onProgress } = recorder();
    expect(await downloadFileToPath(client, id, path, { onProgress })).toBe(BIG);
    expect(createHash("sha1").update(readFileSync(path)).digest("hex")).toBe(TransferServer.patternSha1(BIG));
    expectWellFormedProgress(events, BIG);
  });
});
