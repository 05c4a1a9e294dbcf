/**
 * box-ts for Node: upload from a file path and download to a file path
 * without holding the file in memory, and a native SHA-1. Imported as
 * "box-ts/node"; the core ("box-ts") stays free of node:* imports.
 *
 * @example
 * import { BoxClient } from "box-ts";
 * import { uploadFileFromPath, downloadFileToPath } from "box-ts/node";
 * const file = await uploadFileFromPath(client, "./video.mp4", { parent: "12345" });
 * await downloadFileToPath(client, file.id, "./copy.mp4");
 */
export { openFile, type OpenedFile } from "./open-file.js";
import { createHash } from "node:crypto";
import { createWriteStream, openAsBlob } from "node:fs";
import { rm } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import type { File } from "../../generated/box-api.js";
import type { DownloadFileOptions, OverwriteFileOptions, UploadFileOptions } from "../areas/transfers.js";
import type { BoxClient } from "../client.js";
import type { Sha1Factory } from "../transfers/sha1.js";

/** Node's native SHA-1 (about 10x @noble/hashes here), for `options.hasher`. */
export const nodeSha1: Sha1Factory = () => {
  const hash = createHash("sha1");
  return { update: (bytes) => hash.update(bytes), digest: () => new Uint8Array(hash.digest()) };
};

/** Options of {@link uploadFileFromPath}: those of `uploadFile`, plus the name to give the file. */
export interface UploadFromPathOptions extends UploadFileOptions {
  /** The name in Box. Default: the file name of `path`. */
  name?: string;
}

/**
 * Uploads a file from disk. The file is opened as a disk-backed Blob, so
 * it is read in parts as they are sent, never into memory whole; files from
 * the chunk threshold (50 MiB) up go through a parallel chunked session.
 *
 * @example
 * const file = await uploadFileFromPath(client, "./video.mp4", {
 *   onProgress: ({ loaded, total }) => console.log(`${Math.round((100 * loaded) / (total ?? loaded))}%`),
 * });
 */
export async function uploadFileFromPath(client: BoxClient, path: string, options: UploadFromPathOptions = {}): Promise<File> {
  const { name, ...rest } = options;
  const blob = await openAsBlob(path);
  return client.uploadFile(name ?? basename(path), blob, { hasher: nodeSha1, ...rest });
}

/**
 * Uploads a file from disk as a new version of `fileId`, like {@link uploadFileFromPath}.
 *
 * @example
 * await overwriteFileFromPath(client, "12345", "./report.pdf", { etag: "3" });
 */
export async function overwriteFileFromPath(client: BoxClient, fileId: string, path: string, options: OverwriteFileOptions = {}): Promise<File> {
  const blob = await openAsBlob(path);
  return client.overwriteFile(fileId, blob, { hasher: nodeSha1, ...options });
}

/**
 * Downloads a file's content to `path`, streamed (flat memory), with
 * `onProgress` if given. A failed download leaves no partial file behind.
 * Resolves with the number of bytes written.
 *
 * @example
 * await downloadFileToPath(client, "12345", "./copy.mp4", {
 *   onProgress: ({ loaded, total }) => console.log(loaded, total),
 * });
 */
export async function downloadFileToPath(client: BoxClient, fileId: string, path: string, options: DownloadFileOptions = {}): Promise<number> {
  const response = await client.downloadFile(fileId, options);
  const out = createWriteStream(path);
  try {
    // The DOM and node:stream/web declare the same web stream twice; they differ only in typing.
    const body = response.body as NodeWebStream<Uint8Array> | null;
    await pipeline(body === null ? Readable.from([]) : Readable.fromWeb(body), out, { signal: options.signal });
    return out.bytesWritten;
  } catch (error) {
    out.destroy();
    await rm(path, { force: true });
    throw error;
  }
}
