import type { File } from "../../generated/box-api.js";
import { BoxClientError, BoxValidationError } from "../errors.js";
import type { RequestSettings } from "../http/pipeline.js";
import type { ByteSource } from "./content.js";
import { multipartBody } from "./multipart.js";
import type { ProgressReporter } from "./progress.js";
import { toHex, type Sha1Factory } from "./sha1.js";
import { canStreamRequests } from "./streaming.js";

/** What a one-request upload hands to the typed client call that sends it. */
export interface PreparedBody {
  /** Content-Type, and Content-Length when it is known and the body is a stream. */
  headers: Record<string, string>;
  /** The body of the first attempt. */
  body: ReadableStream<Uint8Array> | Blob;
  /** Hex SHA-1 for `content-md5`, when it can be known before sending. */
  sha1: string | undefined;
  settings: RequestSettings;
}

export interface SimpleUpload {
  source: ByteSource;
  attributes: string;
  fileName: string;
  hasher: Sha1Factory;
  progress: ProgressReporter;
  send(body: PreparedBody): Promise<File>;
}

async function hashAll(source: ByteSource, hasher: Sha1Factory): Promise<string> {
  const hash = hasher();
  for await (const chunk of source.open()) hash.update(chunk);
  return toHex(hash.digest());
}

/**
 * Uploads in one multipart request. Replayable content is hashed first, so
 * Box checks it (`content-md5`) and the pipeline may retry it. A one-shot
 * stream cannot be hashed before it is sent without buffering it, so it goes
 * once, unretried, without `content-md5`; its SHA-1 is computed as it passes
 * and compared with the `sha1` Box reports, and a mismatch is an error.
 */
export async function uploadInOneRequest(upload: SimpleUpload): Promise<File> {
  const { source, progress } = upload;
  const body = multipartBody(upload.attributes, upload.fileName, source);
  const headers: Record<string, string> = { "content-type": body.contentType };
  if (!canStreamRequests()) {
    // This fetch cannot stream a request body: send one Blob (no byte-level progress).
    const whole = body.blob();
    if (whole === undefined) throw new BoxValidationError("content", "this runtime's fetch cannot stream a request body: pass a Blob or bytes, or `size` for a chunked upload");
    const sha1 = await hashAll(source, upload.hasher);
    const file = await upload.send({ headers, body: whole, sha1, settings: { replayableBody: () => whole } });
    progress.finish(source.size ?? 0);
    return file;
  }
  if (body.length !== undefined) headers["content-length"] = String(body.length);
  let sent = 0;
  if (source.replayable) {
    const sha1 = await hashAll(source, upload.hasher);
    const fresh = () => {
      let attemptSent = 0;
      return body.stream((chunk) => {
        attemptSent += chunk.byteLength;
        sent = attemptSent;
        progress.update(attemptSent);
      });
    };
    const file = await upload.send({ headers, body: fresh(), sha1, settings: { replayableBody: fresh } });
    progress.finish(source.size ?? sent);
    return file;
  }
  const hash = upload.hasher();
  const stream = body.stream((chunk) => {
    hash.update(chunk);
    sent += chunk.byteLength;
    progress.update(sent);
  });
  const file = await upload.send({ headers, body: stream, sha1: undefined, settings: { replayableBody: false } });
  const expected = toHex(hash.digest());
  if (file.sha1 !== undefined && file.sha1 !== null && file.sha1 !== expected) {
    throw new BoxClientError(`Box stored file ${file.id} with SHA-1 ${file.sha1}, but ${expected} was sent`, { code: "sha1_mismatch", contextInfo: { fileId: file.id } });
  }
  progress.finish(sent);
  return file;
}
