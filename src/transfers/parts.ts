import { BoxValidationError } from "../errors.js";

/**
 * Cuts a byte stream into parts of exactly `partSize` bytes (the last may be
 * shorter), assembling them in ONE reused buffer: the consumer must be done
 * with a part (copy or send it) before asking for the next. That keeps the
 * reader's memory at one part whatever the file size.
 */
export async function* partsOf(chunks: AsyncIterable<Uint8Array>, partSize: number, expectedSize: number): AsyncIterable<Uint8Array<ArrayBuffer>> {
  const buffer = new Uint8Array(partSize);
  let filled = 0;
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > expectedSize) throw new BoxValidationError("content", `is longer than the ${expectedSize} bytes announced`);
    let used = 0;
    while (used < chunk.byteLength) {
      const take = Math.min(partSize - filled, chunk.byteLength - used);
      buffer.set(chunk.subarray(used, used + take), filled);
      filled += take;
      used += take;
      if (filled === partSize) {
        yield buffer;
        filled = 0;
      }
    }
  }
  if (total < expectedSize) throw new BoxValidationError("content", `ended after ${total} of the ${expectedSize} bytes announced`);
  if (filled > 0) yield buffer.subarray(0, filled);
}
