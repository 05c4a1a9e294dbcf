import { describe, expect, it } from "vitest";
import { BoxValidationError, type TransferProgress } from "../../src/index.js";
import { byteSource } from "../../src/transfers/content.js";
import { partsOf } from "../../src/transfers/parts.js";
import { ProgressReporter } from "../../src/transfers/progress.js";

async function* chunks(...sizes: number[]): AsyncIterable<Uint8Array> {
  let value = 0;
  for (const size of sizes) yield Uint8Array.from({ length: size }, () => value++ % 256);
}

async function collect(iterable: AsyncIterable<Uint8Array>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const part of iterable) out.push([...part]);
  return out;
}

describe("partsOf", () => {
  it("cuts any chunking into parts of exactly the part size, the last shorter", async () => {
    const parts = await collect(partsOf(chunks(3, 1, 5, 2), 4, 11, () => new Uint8Array(4)));
    expect(parts.map((part) => part.length)).toEqual([4, 4, 3]);
    expect(parts.flat()).toEqual(Array.from({ length: 11 }, (_, i) => i));
  });

  it("takes a buffer from the pool only when a part starts", async () => {
    let taken = 0;
    await collect(partsOf(chunks(8), 4, 8, () => (taken++, new Uint8Array(4))));
    expect(taken).toBe(2);
  });

  it("rejects content longer than announced", async () => {
    await expect(collect(partsOf(chunks(5), 4, 4, () => new Uint8Array(4)))).rejects.toBeInstanceOf(BoxValidationError);
  });

  it("rejects content shorter than announced", async () => {
    await expect(collect(partsOf(chunks(3), 4, 4, () => new Uint8Array(4)))).rejects.toBeInstanceOf(BoxValidationError);
  });
});

describe("ProgressReporter", () => {
  it("never goes back and reports the total once, at finish", () => {
    const events: TransferProgress[] = [];
    const progress = new ProgressReporter((event) => events.push(event), 10);
    for (const loaded of [2, 5, 3, 10, 10, 7]) progress.update(loaded);
    progress.finish(10);
    progress.finish(10);
    expect(events).toEqual([
      { loaded: 2, total: 10 },
      { loaded: 5, total: 10 },
      { loaded: 7, total: 10 },
      { loaded: 10, total: 10 },
    ]);
  });

  it("reports the final size as the total when it was unknown", () => {
    const events: TransferProgress[] = [];
    const progress = new ProgressReporter((event) => events.push(event), undefined);
    progress.update(4);
    progress.finish(9);
    expect(events).toEqual([
      { loaded: 4, total: undefined },
      { loaded: 9, total: 9 },
    ]);
  });
});

describe("byteSource", () => {
  it("treats a web ReadableStream as one-shot, with the announced size", () => {
    const source = byteSource("content", new Blob(["abc"]).stream(), 3);
    expect(source).toMatchObject({ size: 3, replayable: false });
    source.open();
    expect(() => source.open()).toThrow();
  });

  it("refuses content of an unsupported kind before any request", () => {
    expect(() => byteSource("content", 42, undefined)).toThrow(BoxValidationError);
  });
});
