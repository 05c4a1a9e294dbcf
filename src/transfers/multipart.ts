import type { ByteSource } from "./content.js";

/**
 * A `multipart/form-data` body built as a stream, so content of any kind
 * (including a one-shot stream) is sent without being held in memory.
 * FormData cannot carry a stream, which is why this is written by hand.
 * Parts: `attributes` (JSON) first, then `file`, the order Box requires.
 */
export interface MultipartBody {
  contentType: string;
  /** The whole body's length in bytes, when the content's size is known. */
  length: number | undefined;
  /** The body as one Blob, for runtimes that cannot stream a request body (replayable content only). */
  blob(): Blob | undefined;
  /** A fresh body stream; `onBytes` sees each content chunk as fetch pulls it. */
  stream(onBytes: (chunk: Uint8Array) => void): ReadableStream<Uint8Array>;
}

function boundary(): string {
  const random = crypto.getRandomValues(new Uint8Array(16));
  return `----box-ts-${Array.from(random, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** Quotes a file name for Content-Disposition the way browsers' FormData does. */
function quoted(name: string): string {
  return name.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");
}

export function multipartBody(attributes: string, fileName: string, source: ByteSource): MultipartBody {
  const mark = boundary();
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${mark}\r\nContent-Disposition: form-data; name="attributes"\r\nContent-Type: application/json\r\n\r\n${attributes}\r\n` +
      `--${mark}\r\nContent-Disposition: form-data; name="file"; filename="${quoted(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${mark}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${mark}`,
    length: source.size === undefined ? undefined : head.byteLength + source.size + tail.byteLength,
    blob: () => {
      const content = source.asBlob?.();
      return content === undefined ? undefined : new Blob([head, content, tail]);
    },
    stream(onBytes) {
      let iterator: AsyncIterator<Uint8Array> | undefined;
      let state: "head" | "content" | "done" = "head";
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (state === "head") {
            state = "content";
            controller.enqueue(head);
            return;
          }
          if (state === "done") return;
          iterator ??= source.open()[Symbol.asyncIterator]();
          const next = await iterator.next();
          if (next.done) {
            state = "done";
            controller.enqueue(tail);
            controller.close();
            return;
          }
          onBytes(next.value);
          controller.enqueue(next.value);
        },
        async cancel() {
          await iterator?.return?.();
        },
      });
    },
  };
}
