import type { File, UploadUrl } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { BoxClientError, BoxTimeoutError, BoxValidationError } from "../errors.js";
import { waitOutAccepted } from "../http/accepted.js";
import { unwrap, unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { MIN_CHUNKED_SIZE, uploadInChunks } from "../transfers/chunked.js";
import { byteSource, type ByteSource, type UploadContent } from "../transfers/content.js";
import { countedResponse } from "../transfers/download.js";
import { ProgressReporter, type ProgressListener } from "../transfers/progress.js";
import { loadPortableSha1, type Sha1Factory } from "../transfers/sha1.js";
import { EMPTY_BLOB, STREAMED } from "../transfers/streaming.js";
import { uploadInOneRequest, type PreparedBody } from "../transfers/simple.js";
import { optionalFields, optionalInteger, optionalText, requireId, requireName } from "../validate.js";

export type { UploadContent } from "../transfers/content.js";

/** How content is moved; shared by {@link TransferMethods.uploadFile} and {@link TransferMethods.overwriteFile}. */
export interface TransferTuning extends CallOptions {
  /** Called with `{ loaded, total }` as bytes go out; `loaded` only grows and reaches `total` once, when Box confirmed. */
  onProgress?: ProgressListener;
  /** The length of a stream, when known: lets a large stream go through a chunked session. */
  size?: number;
  /** Content of at least this many bytes (and a known size) uses a chunked session. Default 50 MiB; Box's minimum is 20 MiB. */
  chunkThreshold?: number;
  /** Parts of a chunked session in flight at once. Default 4 (Box advises at most 5). */
  parallelParts?: number;
  /** The incremental SHA-1 to use; `nodeSha1` from "box-ts/node" is faster under Node. */
  hasher?: Sha1Factory;
  /** Longest total wait while Box answers a commit with 202, in ms. Default 300000. */
  maxCommitWaitMs?: number;
  fields?: readonly string[];
}

/** Options of {@link TransferMethods.uploadFile}. */
export interface UploadFileOptions extends TransferTuning {
  /** The destination folder. Default `"0"` (the root). */
  parent?: string;
  /** When the content was first made (RFC 3339), if not now. */
  contentCreatedAt?: string;
  /** When the content last changed (RFC 3339), if not now. */
  contentModifiedAt?: string;
}

/** Options of {@link TransferMethods.overwriteFile}. */
export interface OverwriteFileOptions extends TransferTuning {
  /** Replace only if the file's etag is still this (sent as If-Match; otherwise PreconditionFailedError). */
  etag?: string;
  /** A new name for the file. */
  name?: string;
  /** When the content last changed (RFC 3339), if not now. */
  contentModifiedAt?: string;
}

/** Options of {@link TransferMethods.downloadFile}. */
export interface DownloadFileOptions extends CallOptions {
  /** A past version's id instead of the current content. */
  version?: string;
  /** Byte range, inclusive: `{ start: 0, end: 1023 }`; `end` may be left out. Box answers 206. */
  range?: { start: number; end?: number };
  /** Longest total wait for content that is not ready yet (202), in ms. Default 30000. */
  maxWaitMs?: number;
  /** Called with `{ loaded, total }` as the body is read; reaches `total` once, at the end. */
  onProgress?: ProgressListener;
}

/** Options of {@link TransferMethods.preflightUpload}. */
export interface PreflightUploadOptions extends CallOptions {
  /** The destination folder. Default `"0"`. */
  parent?: string;
}

const DEFAULT_CHUNK_THRESHOLD = 50 * 1024 * 1024;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function rangeHeader(range: DownloadFileOptions["range"]): string | undefined {
  if (range === undefined) return undefined;
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0) throw new BoxValidationError("options.range.start", "expected a whole number >= 0");
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw new BoxValidationError("options.range.end", "expected a whole number >= range.start");
  }
  return `bytes=${start}-${end ?? ""}`;
}

/** Validated transfer settings plus the content as a byte source. */
async function plan(content: UploadContent, options: TransferTuning) {
  const size = optionalInteger("options.size", options.size, 0, MAX_SAFE);
  const threshold = optionalInteger("options.chunkThreshold", options.chunkThreshold, 1, MAX_SAFE) ?? DEFAULT_CHUNK_THRESHOLD;
  const parallelParts = optionalInteger("options.parallelParts", options.parallelParts, 1, 16) ?? 4;
  const maxCommitWaitMs = optionalInteger("options.maxCommitWaitMs", options.maxCommitWaitMs, 0, MAX_SAFE) ?? 300_000;
  if (options.onProgress !== undefined && typeof options.onProgress !== "function") throw new BoxValidationError("options.onProgress", "expected a function");
  const source: ByteSource = byteSource("content", content, size);
  if (size !== undefined && source.size !== size) throw new BoxValidationError("options.size", `is ${size}, but the content has ${source.size} bytes`);
  const chunked = source.size !== undefined && source.size >= Math.max(threshold, MIN_CHUNKED_SIZE);
  const progress = new ProgressReporter(options.onProgress, source.size);
  const callOptions: CallOptions = { signal: options.signal, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries, totalTimeoutMs: options.totalTimeoutMs };
  return { source, chunked, parallelParts, maxCommitWaitMs, progress, hasher: options.hasher ?? (await loadPortableSha1()), hasherIsDefault: options.hasher === undefined, callOptions };
}

/**
 * The options both one-request uploads (new file, new version) hand the typed
 * client: the typed body, the serializer that swaps in the prepared multipart
 * bytes, and the pipeline settings for replaying them.
 */
function multipartOptions(context: ClientContext, attributes: string, source: ByteSource, body: PreparedBody, callOptions: CallOptions) {
  return {
    body: { attributes, file: source.blob ?? EMPTY_BLOB },
    bodySerializer: () => body.body,
    headers: body.headers,
    ...STREAMED,
    ...via(context, callOptions, body.settings),
  };
}

function firstFile(files: { entries: File[] }, status: number): File {
  const file = files.entries[0];
  if (file === undefined) throw new BoxClientError("Box confirmed the upload but listed no file", { status });
  return file;
}

export function transferMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * Uploads a new file of any size: content under the chunk threshold goes
     * in one request, larger content of known size through a chunked session
     * with parts sent in parallel. Box checks the SHA-1 either way. Streams
     * are read once and never held in memory whole.
     *
     * @example
     * const file = await client.uploadFile("hello.txt", "hello world");
     * const big = await client.uploadFile("video.mp4", blob, {
     *   parent: "12345",
     *   onProgress: ({ loaded, total }) => console.log(`${loaded}/${total}`),
     * });
     */
    async uploadFile(name: string, content: UploadContent, options: UploadFileOptions = {}): Promise<File> {
      const fileName = requireName("name", name);
      const parentId = requireId("options.parent", options.parent ?? "0");
      const fields = optionalFields("options.fields", options.fields);
      const contentCreatedAt = optionalText("options.contentCreatedAt", options.contentCreatedAt);
      const contentModifiedAt = optionalText("options.contentModifiedAt", options.contentModifiedAt);
      const { source, chunked, callOptions, ...tuning } = await plan(content, options);
      if (chunked && source.size !== undefined) {
        return uploadInChunks(context, {
          ...tuning,
          source,
          size: source.size,
          options: callOptions,
          attributes: contentModifiedAt === undefined ? undefined : { content_modified_at: contentModifiedAt },
          async createSession(sessionOptions) {
            const result = await api.POST("/files/upload_sessions", {
              baseUrl: context.uploadUrl,
              body: { folder_id: parentId, file_size: source.size ?? 0, file_name: fileName },
              ...via(context, sessionOptions),
            });
            return unwrapBody(result);
          },
        });
      }
      const attributes = JSON.stringify({ name: fileName, parent: { id: parentId }, content_created_at: contentCreatedAt, content_modified_at: contentModifiedAt });
      return uploadInOneRequest({
        ...tuning,
        source,
        attributes,
        fileName,
        async send(body: PreparedBody) {
          const result = await api.POST("/files/content", {
            baseUrl: context.uploadUrl,
            params: { query: { fields }, header: { "content-md5": body.sha1 } },
            ...multipartOptions(context, attributes, source, body, callOptions),
          });
          return firstFile(unwrapBody(result), result.response.status);
        },
      });
    },

    /**
     * Uploads new content for an existing file (a new version), of any size,
     * like {@link uploadFile}. With `etag`, Box refuses (PreconditionFailedError)
     * when the file changed since that etag was read.
     *
     * @example
     * const file = await client.overwriteFile("12345", "new text", { etag: "3" });
     * console.log(file.etag);
     */
    async overwriteFile(fileId: string, content: UploadContent, options: OverwriteFileOptions = {}): Promise<File> {
      const id = requireId("fileId", fileId);
      const newName = options.name === undefined ? undefined : requireName("options.name", options.name);
      const etag = optionalText("options.etag", options.etag);
      const fields = optionalFields("options.fields", options.fields);
      const contentModifiedAt = optionalText("options.contentModifiedAt", options.contentModifiedAt);
      const { source, chunked, callOptions, ...tuning } = await plan(content, options);
      if (chunked && source.size !== undefined) {
        return uploadInChunks(context, {
          ...tuning,
          source,
          size: source.size,
          options: callOptions,
          ifMatch: etag,
          attributes: contentModifiedAt === undefined ? undefined : { content_modified_at: contentModifiedAt },
          async createSession(sessionOptions) {
            const result = await api.POST("/files/{file_id}/upload_sessions", {
              baseUrl: context.uploadUrl,
              params: { path: { file_id: id } },
              body: { file_size: source.size ?? 0, file_name: newName },
              ...via(context, sessionOptions),
            });
            return unwrapBody(result);
          },
        });
      }
      const attributes = JSON.stringify({ name: newName, content_modified_at: contentModifiedAt });
      return uploadInOneRequest({
        ...tuning,
        source,
        attributes,
        fileName: newName ?? "file",
        async send(body: PreparedBody) {
          const result = await api.POST("/files/{file_id}/content", {
            baseUrl: context.uploadUrl,
            params: { path: { file_id: id }, query: { fields }, header: { "content-md5": body.sha1, "if-match": etag } },
            ...multipartOptions(context, attributes, source, body, callOptions),
          });
          return firstFile(unwrapBody(result), result.response.status);
        },
      });
    },

    /**
     * Asks Box whether an upload would be accepted (name free, quota, size)
     * before sending any content.
     *
     * @example
     * const { upload_url } = await client.preflightUpload("video.mp4", 734003200, { parent: "12345" });
     */
    async preflightUpload(name: string, size: number, options: PreflightUploadOptions = {}): Promise<UploadUrl> {
      const fileName = requireName("name", name);
      const bytes = optionalInteger("size", size, 0, MAX_SAFE) ?? 0;
      const parentId = requireId("options.parent", options.parent ?? "0");
      const result = await api.OPTIONS("/files/content", {
        body: { name: fileName, size: bytes, parent: { id: parentId } },
        ...via(context, options),
      });
      return unwrapBody(result);
    },

    /**
     * Downloads a file's content as a standard, streamed fetch Response. The
     * redirect to Box's download host is followed without the bearer token;
     * content that is not ready yet (202) is waited for; a range answers 206.
     *
     * @example
     * const response = await client.downloadFile(file.id, {
     *   onProgress: ({ loaded, total }) => console.log(`${loaded}/${total}`),
     * });
     * console.log(await response.text());
     */
    async downloadFile(fileId: string, options: DownloadFileOptions = {}): Promise<Response> {
      const id = requireId("fileId", fileId);
      const version = options.version === undefined ? undefined : requireId("options.version", options.version);
      const range = rangeHeader(options.range);
      if (options.onProgress !== undefined && typeof options.onProgress !== "function") throw new BoxValidationError("options.onProgress", "expected a function");
      const deadline = Date.now() + (options.maxWaitMs ?? 30_000);
      for (;;) {
        const result = await api.GET("/files/{file_id}/content", {
          params: { path: { file_id: id }, query: { version }, header: { range } },
          parseAs: "stream",
          ...via(context, options),
        });
        const { response } = result;
        if (response.status !== 202) {
          unwrap(result);
          return options.onProgress === undefined ? response : countedResponse(response, options.onProgress);
        }
        await response.body?.cancel();
        if (!(await waitOutAccepted(response, deadline, options.signal))) {
          throw new BoxTimeoutError(`The content of file ${id} was still not ready after ${options.maxWaitMs ?? 30_000} ms`, {
            status: 202,
            requestId: response.headers.get("box-request-id") ?? undefined,
          });
        }
      }
    },
  };
}

export type TransferMethods = ReturnType<typeof transferMethods>;
