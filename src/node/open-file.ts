import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { BoxValidationError } from "../errors.js";

/** A file on disk, opened for streaming: what a streamed upload needs to know. */
export interface OpenedFile {
  /** The content as a web stream, read from disk as it is consumed (never buffered whole). */
  stream: ReadableStream<Uint8Array>;
  /** Size in bytes when the file was opened. */
  size: number;
  /** The file's base name, e.g. `report.pdf` for `/tmp/report.pdf`. */
  name: string;
}

/**
 * Opens a regular file for streaming. The size is read first so a caller can
 * pick a one-shot or a chunked upload before any byte is read.
 *
 * @example
 * import { openFile } from "box-ts/node";
 * const { stream, size, name } = await openFile("./report.pdf");
 */
export async function openFile(path: string): Promise<OpenedFile> {
  if (typeof path !== "string" || path.length === 0) throw new BoxValidationError("path", "expected a non-empty file path");
  const info = await stat(path);
  if (!info.isFile()) throw new BoxValidationError("path", "expected a regular file");
  // Readable.toWeb types its chunks as `any`; a file stream without an encoding yields Uint8Array (Buffer).
  const stream: ReadableStream<Uint8Array> = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return { stream, size: info.size, name: basename(path) };
}
