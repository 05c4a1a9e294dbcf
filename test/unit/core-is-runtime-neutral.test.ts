import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Every bare import (package or built-in) of every module reachable from an
 * entry, found by letting esbuild walk the graph the way a bundler will.
 */
async function externalImportsOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    logLevel: "silent",
    format: "esm",
    // "node" marks built-ins external (with or without `node:`) so they show up below instead of failing.
    platform: "node",
    packages: "external",
  });
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports);
  return [...new Set(imports.filter((item) => item.external).map((item) => item.path))].sort();
}

describe("the core entry", () => {
  // @noble/hashes: incremental SHA-1 for streamed uploads, which WebCrypto cannot do (see README, Dependencies).
  it("reaches no Node built-in: only openapi-fetch and @noble/hashes are imported from outside src/", async () => {
    expect(await externalImportsOf("src/index.ts")).toEqual(["@noble/hashes/legacy", "openapi-fetch"]);
  });

  it("would be caught importing a built-in (the check sees node:* in the Node helpers)", async () => {
    const imports = await externalImportsOf("src/node/index.ts");

    expect(imports).toEqual(expect.arrayContaining(["node:fs", "node:stream"]));
  });
});
