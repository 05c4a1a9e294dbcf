import { BoxValidationError } from "../errors.js";

/**
 * Cuts a byte stream into parts of exactly `partSize` bytes (the last may be
 * shorter), each assembled in a buffer from `acquire` (a pool the consumer
 * refills when a part is sent), so memory is bounded by the pool whatever
 * the file size.
 */
export async function* partsOf(
  chunks: AsyncIterable<Uint8Array>,
  partSize: number,
  expectedSize: number,
  acquire: () => Uint8Array<ArrayBuffer>,
): AsyncIterable<Uint8Array<ArrayBuffer>> {
  let buffer: Uint8Array<ArrayBuffer> | undefined;
  let filled = 0;
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > expectedSize) throw new BoxValidationError("content", `is longer than the ${expectedSize} bytes announced`);
    let used = 0;
    while (used < chunk.byteLength) {
      const take = Math.min(partSize - filled, chunk.byteLength - used);
      buffer ??= acquire();
      buffer.set(chunk.subarray(used, used + take), filled);
      filled += take;
      used += take;
      if (filled === partSize) {
        const full = buffer;
        buffer = undefined;
        filled = 0;
        yield full;
      }
    }
  }
  if (total < expectedSize) throw new BoxValidationError("content", `ended after ${total} of the ${expectedSize} bytes announced`);
  if (filled > 0 && buffer !== undefined) yield buffer.subarray(0, filled);
}
