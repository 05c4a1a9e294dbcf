/**
 * One measured transfer, in its own process so that one subject's memory
 * never inflates another's: `tsx transfers-child.ts '<json task>'`. Prints
 * one JSON line `{ ms, bytes, peakRssMiB }`; peak RSS is the kernel's
 * high-water mark for this process (getrusage maxrss).
 */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, openAsBlob, statSync } from "node:fs";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { BoxClient } from "../../src/index.js";
import { downloadFileToPath, uploadFileFromPath } from "../../src/node/index.js";

export interface ChildTask {
  subject: "box-ts" | "raw fetch" | "box-node-sdk";
  kind: "chunked upload" | "simple upload" | "download" | "idle";
  /** The local server's API base, e.g. http://127.0.0.1:1234/2.0 */
  apiUrl: string;
  /** File to upload, or where to write a download. */
  path: string;
  fileId?: string;
}

const TOKEN = "test-token";

async function boxTs(task: ChildTask): Promise<number> {
  const client = new BoxClient(TOKEN, { baseUrl: task.apiUrl, uploadUrl: task.apiUrl });
  let seen = 0;
  const onProgress = ({ loaded }: { loaded: number }) => void (seen = loaded);
  if (task.kind === "download") return downloadFileToPath(client, task.fileId ?? "", task.path, { onProgress });
  const parallelParts = process.env.BOX_TS_BENCH_PARALLEL === undefined ? undefined : Number(process.env.BOX_TS_BENCH_PARALLEL);
  const file = await uploadFileFromPath(client, task.path, { onProgress, parallelParts });
  if (seen !== file.size) throw new Error(`progress ended at ${seen}, file has ${file.size}`);
  return file.size ?? 0;
}

/** What a careful hand-written fetch loop does: sequential parts, native SHA-1. */
async function rawFetch(task: ChildTask): Promise<number> {
  const auth = { authorization: `Bearer ${TOKEN}` };
  if (task.kind === "download") {
    // undici drops Authorization itself on the cross-origin redirect.
    const response = await fetch(`${task.apiUrl}/files/${task.fileId}/content`, { headers: auth });
    if (!response.ok || response.body === null) throw new Error(`download answered ${response.status}`);
    const out = createWriteStream(task.path);
    await pipeline(Readable.fromWeb(response.body as NodeWebStream<Uint8Array>), out);
    return out.bytesWritten;
  }
  const size = statSync(task.path).size;
  const blob = await openAsBlob(task.path);
  if (task.kind === "simple upload") {
    const form = new FormData();
    form.append("attributes", JSON.stringify({ name: basename(task.path), parent: { id: "0" } }));
    form.append("file", blob, basename(task.path));
    const response = await fetch(`${task.apiUrl}/files/content`, { method: "POST", headers: auth, body: form });
    if (!response.ok) throw new Error(`upload answered ${response.status}`);
    return size;
  }
  const created = await fetch(`${task.apiUrl}/files/upload_sessions`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ folder_id: "0", file_size: size, file_name: basename(task.path) }),
  });
  const session = (await created.json()) as { id: string; part_size: number };
  const whole = createHash("sha1");
  const parts: unknown[] = [];
  for (let offset = 0; offset < size; offset += session.part_size) {
    const bytes = new Uint8Array(await blob.slice(offset, offset + session.part_size).arrayBuffer());
    whole.update(bytes);
    const response = await fetch(`${task.apiUrl}/files/upload_sessions/${session.id}`, {
      method: "PUT",
      headers: { ...auth, "content-type": "application/octet-stream", "content-range": `bytes ${offset}-${offset + bytes.length - 1}/${size}`, digest: `sha=${createHash("sha1").update(bytes).digest("base64")}` },
      body: bytes,
    });
    parts.push(((await response.json()) as { part: unknown }).part);
  }
  const digest = `sha=${whole.digest("base64")}`;
  for (;;) {
    const response = await fetch(`${task.apiUrl}/files/upload_sessions/${session.id}/commit`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", digest },
      body: JSON.stringify({ parts }),
    });
    if (response.status === 201) return size;
    if (response.status !== 202) throw new Error(`commit answered ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? 1) * 1000));
  }
}

async function boxNodeSdk(task: ChildTask): Promise<number> {
  const sdk = await import("box-node-sdk");
  const origin = new URL(task.apiUrl).origin;
  const client = new sdk.BoxClient({ auth: new sdk.BoxDeveloperTokenAuth({ token: TOKEN }) }).withCustomBaseUrls({ baseUrl: origin, uploadUrl: origin, oauth2Url: `${origin}/oauth2` });
  const size = task.kind === "download" ? 0 : statSync(task.path).size;
  if (task.kind === "download") {
    const stream = await client.downloads.downloadFile(task.fileId ?? "");
    if (stream === undefined) throw new Error("no download stream");
    const out = createWriteStream(task.path);
    await pipeline(stream, out);
    return out.bytesWritten;
  }
  if (task.kind === "simple upload") {
    await client.uploads.uploadFile({ attributes: { name: basename(task.path), parent: { id: "0" } }, file: createReadStream(task.path) });
    return size;
  }
  await client.chunkedUploads.uploadBigFile(createReadStream(task.path), basename(task.path), size, "0");
  return size;
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? "{}") as ChildTask;
  const run = { "box-ts": boxTs, "raw fetch": rawFetch, "box-node-sdk": boxNodeSdk }[task.subject];
  const started = performance.now();
  const bytes = task.kind === "idle" ? 0 : await run(task);
  const ms = performance.now() - started;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, bytes, peakRssMiB })}\n`);
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })}\n`);
  process.exitCode = 1;
});
