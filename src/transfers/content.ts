import { BoxValidationError } from "../errors.js";

/**
 * Content an upload accepts: text (sent as UTF-8), bytes, a Blob or File, a
 * web ReadableStream, or any async iterable of bytes such as a Node Readable.
 * Streams are read once and never buffered whole.
 */
export type UploadContent =
  | string
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>;

/** Upload content seen uniformly: its size when known, and its bytes in order. */
export interface ByteSource {
  size: number | undefined;
  /** True when {@link open} may be called again (bytes, Blobs); false for one-shot streams. */
  replayable: boolean;
  /** A Blob, when the content is one: chunked uploads can send slices of it. */
  blob?: Blob;
  /** The content as a Blob, for runtimes whose fetch cannot stream a request body (replayable content only). */
  asBlob?: () => Blob;
  open(): AsyncIterable<Uint8Array>;
}

const SLICE = 1024 * 1024;

async function* slices(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  for (let start = 0; start < bytes.byteLength; start += SLICE) yield bytes.subarray(start, start + SLICE);
}

async function* readStream(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Ending early (an error, an abort) must release the source.
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

async function* readIterable(argument: string, iterable: AsyncIterable<unknown>): AsyncIterable<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of iterable) {
    if (chunk instanceof Uint8Array) yield chunk;
    else if (typeof chunk === "string") yield encoder.encode(chunk);
    else throw new BoxValidationError(argument, "the stream yielded something other than bytes or text");
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value && typeof value[Symbol.asyncIterator] === "function";
}

function oneShot(iterable: AsyncIterable<Uint8Array>, size: number | undefined): ByteSource {
  let opened = false;
  return {
    size,
    replayable: false,
    open() {
      if (opened) throw new Error("a stream can be read only once");
      opened = true;
      return iterable;
    },
  };
}

/**
 * Turns upload content into a {@link ByteSource}. `declaredSize` is the
 * caller's word for a stream's length (it allows a chunked upload).
 */
export function byteSource(argument: string, content: unknown, declaredSize: number | undefined): ByteSource {
  if (typeof content === "string") content = new TextEncoder().encode(content);
  if (content instanceof ArrayBuffer) content = new Uint8Array(content);
  if (content instanceof Uint8Array) {
    const bytes = content;
    return { size: bytes.byteLength, replayable: true, open: () => slices(bytes), asBlob: () => new Blob([new Uint8Array(bytes)]) };
  }
  if (content instanceof Blob) {
    const blob = content;
    return { size: blob.size, replayable: true, blob, open: () => readStream(blob.stream()), asBlob: () => blob };
  }
  if (content instanceof ReadableStream) return oneShot(readStream(content), declaredSize);
  if (isAsyncIterable(content)) return oneShot(readIterable(argument, content), declaredSize);
  throw new BoxValidationError(argument, "expected a string, Uint8Array, ArrayBuffer, Blob, ReadableStream or async iterable of bytes");
}
