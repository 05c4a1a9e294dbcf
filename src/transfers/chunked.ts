import type { File, UploadPart, UploadSession } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { BoxClientError, BoxTimeoutError } from "../errors.js";
import { waitOutAccepted } from "../http/accepted.js";
import { unwrap, unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import type { ByteSource } from "./content.js";
import { partsOf } from "./parts.js";
import type { ProgressReporter } from "./progress.js";
import { digestHeader, sha1Of, type Sha1Factory } from "./sha1.js";
import { canStreamRequests, EMPTY_BLOB, STREAMED } from "./streaming.js";

/** Box refuses upload sessions for less than this (400 `file_size_too_small`). */
export const MIN_CHUNKED_SIZE = 20 * 1024 * 1024;

export interface ChunkedUpload {
  source: ByteSource;
  size: number;
  parallelParts: number;
  hasher: Sha1Factory;
  /** True when `hasher` is the portable default (then parts are hashed with WebCrypto). */
  hasherIsDefault: boolean;
  progress: ProgressReporter;
  /** Longest total wait for a commit Box answers with 202. */
  maxCommitWaitMs: number;
  options: CallOptions;
  /** Opens the session (new file or new version). */
  createSession(options: CallOptions): Promise<UploadSession>;
  ifMatch?: string;
  attributes?: { content_modified_at?: string };
}

/**
 * Uploads through a chunked upload session: reads the content once, in
 * order, cut into the server's part size; hashes the whole file on the way;
 * keeps up to `parallelParts` parts in flight (each a replayable Blob, so the
 * pipeline retries a failed part alone); commits with the part list, waiting
 * out 202s; aborts the session if anything fails or the caller aborts.
 * Memory: one part buffer, plus one copy per part in flight for streams
 * (Blob sources send slices): about (parallelParts + 1) x part size at most.
 */
export async function uploadInChunks(context: ClientContext, upload: ChunkedUpload): Promise<File> {
  const stop = new AbortController();
  const signal = upload.options.signal ? AbortSignal.any([upload.options.signal, stop.signal]) : stop.signal;
  const options: CallOptions = { ...upload.options, signal };
  const session = await upload.createSession(options);
  try {
    const parts = await sendParts(context, session, upload, options, stop);
    return await commit(context, session.id, parts, upload, options);
  } catch (error) {
    stop.abort();
    await abortSession(context, session.id);
    throw error;
  }
}

async function sendParts(context: ClientContext, session: UploadSession, upload: ChunkedUpload, options: CallOptions, stop: AbortController) {
  const whole = upload.hasher();
  const parts: UploadPart[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let offset = 0;
  let loaded = 0;
  const { blob } = upload.source;
  // At most parallelParts are in flight while one more is read: that many buffers, reused.
  const pool: Array<Uint8Array<ArrayBuffer>> = [];
  const acquire = () => pool.pop() ?? new Uint8Array(session.part_size);
  const release = (bytes: Uint8Array<ArrayBuffer>) => void pool.push(new Uint8Array(bytes.buffer));
  for await (const bytes of partsOf(upload.source.open(), session.part_size, upload.size, acquire)) {
    whole.update(bytes);
    const digest = await partDigest(bytes, upload.hasher, upload.hasherIsDefault);
    const part = partBody(bytes, blob, offset);
    if (!part.holdsBuffer) release(bytes);
    const range = `bytes ${offset}-${offset + part.size - 1}/${upload.size}`;
    offset += part.size;
    const task: Promise<void> = sendPart(context, session.id, part, range, digest, options)
      .then((stored) => {
        parts.push(stored);
        loaded += part.size;
        upload.progress.update(loaded);
      })
      .finally(() => {
        if (part.holdsBuffer) release(bytes);
      })
      .catch((error: unknown) => {
        failure ??= { error };
        stop.abort();
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    while (inFlight.size >= upload.parallelParts && failure === undefined) await Promise.race(inFlight);
    if (failure !== undefined) break;
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure.error;
  return { parts: parts.sort((a, b) => a.offset - b.offset), digest: digestHeader(whole.digest()) };
}

/** A part's SHA-1: a caller's native hasher if given, else WebCrypto (native, unlike the portable incremental one). */
async function partDigest(bytes: Uint8Array<ArrayBuffer>, hasher: Sha1Factory, hasherIsDefault: boolean): Promise<Uint8Array> {
  if (hasherIsDefault) return sha1Of(bytes);
  const hash = hasher();
  hash.update(bytes);
  return hash.digest();
}

/** How a part travels: a fresh body per attempt, and whether it keeps reading from the pooled buffer. */
interface PartBody {
  size: number;
  holdsBuffer: boolean;
  streamed: boolean;
  make(): Blob | ReadableStream<Uint8Array>;
}

const VIEW = 1024 * 1024;

/** The part's own bytes as a stream of views: sent with no copy (a Blob body is copied and re-read). */
function viewStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      const end = Math.min(at + VIEW, bytes.byteLength);
      controller.enqueue(bytes.subarray(at, end));
      at = end;
    },
  });
}

function partBody(bytes: Uint8Array<ArrayBuffer>, blob: Blob | undefined, offset: number): PartBody {
  const size = bytes.byteLength;
  if (canStreamRequests()) return { size, holdsBuffer: true, streamed: true, make: () => viewStream(bytes) };
  // Where fetch cannot stream a request body (most browsers): a slice of a Blob source, or a copy.
  const copy = blob === undefined ? new Blob([bytes]) : blob.slice(offset, offset + size);
  return { size, holdsBuffer: false, streamed: false, make: () => copy };
}

async function sendPart(context: ClientContext, sessionId: string, part: PartBody, range: string, digest: Uint8Array, options: CallOptions): Promise<UploadPart> {
  const result = await context.api.PUT("/files/upload_sessions/{upload_session_id}", {
    baseUrl: context.uploadUrl,
    params: { path: { upload_session_id: sessionId }, header: { digest: digestHeader(digest), "content-range": range } },
    body: EMPTY_BLOB,
    bodySerializer: () => part.make(),
    // A streamed body has no length of its own; Box wants it, and knowing it avoids chunked encoding.
    headers: { "content-type": "application/octet-stream", ...(part.streamed ? { "content-length": String(part.size) } : {}) },
    ...STREAMED,
    ...via(context, options, { replayableBody: () => part.make() }),
  });
  // Box itself refuses a part whose bytes do not match its Digest (400 bad_digest).
  return unwrapBody(result).part;
}

async function commit(context: ClientContext, sessionId: string, sent: { parts: UploadPart[]; digest: string }, upload: ChunkedUpload, options: CallOptions): Promise<File> {
  const deadline = Date.now() + upload.maxCommitWaitMs;
  for (;;) {
    const result = await context.api.POST("/files/upload_sessions/{upload_session_id}/commit", {
      baseUrl: context.uploadUrl,
      params: { path: { upload_session_id: sessionId }, header: { digest: sent.digest, "if-match": upload.ifMatch } },
      body: { parts: sent.parts, attributes: upload.attributes },
      ...via(context, options),
    });
    const { response } = result;
    if (response.status !== 202) {
      const file = unwrapBody(result).entries[0];
      if (file === undefined) throw new BoxClientError("Box committed the upload but listed no file", { status: response.status });
      upload.progress.finish(upload.size);
      return file;
    }
    // Box is still processing parts: commit again after Retry-After.
    if (!(await waitOutAccepted(response, deadline, options.signal))) {
      throw new BoxTimeoutError(`Box was still processing the parts after ${upload.maxCommitWaitMs} ms`, { status: 202 });
    }
  }
}

/** Best effort: the upload already failed, and that error is what the caller must see. */
async function abortSession(context: ClientContext, sessionId: string): Promise<void> {
  try {
    unwrap(
      await context.api.DELETE("/files/upload_sessions/{upload_session_id}", {
        baseUrl: context.uploadUrl,
        params: { path: { upload_session_id: sessionId } },
        ...via(context, { maxRetries: 1, timeoutMs: 10_000 }),
      }),
    );
  } catch {
    // Box drops abandoned sessions after 7 days anyway.
  }
}
