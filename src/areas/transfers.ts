import type { File } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { BoxClientError, BoxTimeoutError, BoxValidationError } from "../errors.js";
import { parseRetryAfter } from "../http/retry-policy.js";
import { sleep } from "../http/signals.js";
import { unwrap, unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { optionalFields, optionalText, requireId, requireName } from "../validate.js";

/** Content an upload accepts. Strings are sent as UTF-8. */
export type UploadContent = string | Uint8Array | ArrayBuffer | Blob;

/** Options of {@link TransferMethods.uploadFile}. */
export interface UploadFileOptions extends CallOptions {
  /** The destination folder. Default `"0"` (the root). */
  parent?: string;
  /** When the content was first made (RFC 3339), if not now. */
  contentCreatedAt?: string;
  /** When the content last changed (RFC 3339), if not now. */
  contentModifiedAt?: string;
  fields?: readonly string[];
}

/** Options of {@link TransferMethods.downloadFile}. */
export interface DownloadFileOptions extends CallOptions {
  /** A past version's id instead of the current content. */
  version?: string;
  /** Byte range, inclusive: `{ start: 0, end: 1023 }`; `end` may be left out. */
  range?: { start: number; end?: number };
  /** Longest total wait for content that is not ready yet (202), in ms. Default 30000. */
  maxWaitMs?: number;
}

function toBlob(argument: string, content: UploadContent): Blob {
  if (typeof content === "string") return new Blob([content]);
  if (content instanceof Blob) return content;
  if (content instanceof ArrayBuffer) return new Blob([content]);
  if (content instanceof Uint8Array) return new Blob([new Uint8Array(content)]);
  throw new BoxValidationError(argument, "expected a string, Uint8Array, ArrayBuffer or Blob");
}

async function sha1Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function rangeHeader(range: DownloadFileOptions["range"]): string | undefined {
  if (range === undefined) return undefined;
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0) throw new BoxValidationError("options.range.start", "expected a whole number >= 0");
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw new BoxValidationError("options.range.end", "expected a whole number >= range.start");
  }
  return `bytes=${start}-${end ?? ""}`;
}

export function transferMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * Uploads a small file (up to about 50 MB) in one request, with Box's SHA-1
     * content check.
     *
     * @example
     * const file = await client.uploadFile("hello.txt", "hello world");
     * console.log(file.id);
     */
    async uploadFile(name: string, content: UploadContent, options: UploadFileOptions = {}): Promise<File> {
      const fileName = requireName("name", name);
      const parentId = requireId("options.parent", options.parent ?? "0");
      const fields = optionalFields("options.fields", options.fields);
      const blob = toBlob("content", content);
      const attributes = JSON.stringify({
        name: fileName,
        parent: { id: parentId },
        content_created_at: optionalText("options.contentCreatedAt", options.contentCreatedAt),
        content_modified_at: optionalText("options.contentModifiedAt", options.contentModifiedAt),
      });
      // Box wants `attributes` before `file`; a fresh form per attempt keeps retries cheap.
      const form = () => {
        const body = new FormData();
        body.append("attributes", attributes);
        body.append("file", blob, fileName);
        return body;
      };
      const result = await api.POST("/files/content", {
        baseUrl: context.uploadUrl,
        params: { query: { fields }, header: { "content-md5": await sha1Hex(blob) } },
        body: { attributes, file: blob },
        bodySerializer: form,
        ...via(context, options, { replayableBody: form }),
      });
      const created = unwrapBody(result).entries[0];
      if (created === undefined) throw new BoxClientError("Box confirmed the upload but listed no file", { status: result.response.status });
      return created;
    },

    /**
     * Downloads a file's content as a standard, streamed fetch Response. The
     * redirect to Box's download host is followed without the bearer token;
     * content that is not ready yet (202) is waited for.
     *
     * @example
     * const response = await client.downloadFile(file.id);
     * console.log(await response.text());
     */
    async downloadFile(fileId: string, options: DownloadFileOptions = {}): Promise<Response> {
      const id = requireId("fileId", fileId);
      const version = options.version === undefined ? undefined : requireId("options.version", options.version);
      const range = rangeHeader(options.range);
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
          return response;
        }
        const wait = parseRetryAfter(response.headers.get("retry-after")) ?? 1000;
        if (Date.now() + wait > deadline) {
          throw new BoxTimeoutError(`The content of file ${id} was still not ready after ${options.maxWaitMs ?? 30_000} ms`, {
            status: 202,
            requestId: response.headers.get("box-request-id") ?? undefined,
          });
        }
        await response.body?.cancel();
        await sleep(wait, options.signal ?? new AbortController().signal);
      }
    },
  };
}

export type TransferMethods = ReturnType<typeof transferMethods>;
