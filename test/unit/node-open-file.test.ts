import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoxValidationError } from "../../src/index.js";
import { openFile } from "../../src/node/index.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "box-ts-open-file-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("openFile", () => {
  it("streams the file's bytes with its size and base name", async () => {
    const path = join(dir, "report.bin");
    const content = Buffer.from(Array.from({ length: 200_000 }, (_, index) => index % 251));
    await writeFile(path, content);

    const opened = await openFile(path);

    expect(opened.name).toBe("report.bin");
    expect(opened.size).toBe(200_000);
    expect((await readAll(opened.stream)).equals(content)).toBe(true);
  });

  it("gives a web ReadableStream that fetch and Blob-based code accept", async () => {
    const path = join(dir, "hello.txt");
    await writeFile(path, "hello world");

    const { stream } = await openFile(path);

    expect(stream).toBeInstanceOf(ReadableStream);
    expect(await new Response(stream).text()).toBe("hello world");
  });

  it("rejects a directory with a BoxValidationError naming the argument", async () => {
    const sub = join(dir, "a-folder");
    await mkdir(sub);

    const error = await openFile(sub).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BoxValidationError);
    expect(error).toMatchObject({ argument: "path" });
  });

  it("rejects an empty path before touching the disk", async () => {
    await expect(openFile("")).rejects.toThrow(BoxValidationError);
  });

  it("passes on the file system's error for a missing file", async () => {
    await expect(openFile(join(dir, "missing.txt"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
