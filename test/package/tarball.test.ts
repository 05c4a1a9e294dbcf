import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { consumerProgram, type ModuleSystem } from "./support/consumer-program.js";
import { expected } from "./support/spec-examples.js";
import { consumerTsconfigs, typedConsumer } from "./support/typed-consumer.js";

const run = promisify(execFile);
const consumerDir = inject("consumerDir");
const prismUrl = inject("prismUrl");

/** Writes the consumer program as a .mjs or .cjs file in the fresh project and runs it with Node. */
async function runConsumer(system: ModuleSystem): Promise<Record<string, unknown>> {
  const file = join(consumerDir, system === "esm" ? "program.mjs" : "program.cjs");
  await writeFile(file, consumerProgram(system));
  const { stdout } = await run(process.execPath, [file], { cwd: consumerDir, env: { ...process.env, PRISM_URL: prismUrl } });
  return JSON.parse(stdout.trim());
}

describe.each([
  { system: "esm" as const, entryFile: "/node_modules/box-ts/dist/index.js" },
  { system: "cjs" as const, entryFile: "/node_modules/box-ts/dist/index.cjs" },
])("the installed tarball, loaded from $system", ({ system, entryFile }) => {
  // One run of the program per module system; each test reads one part of what it printed.
  let result: Record<string, unknown>;
  beforeAll(async () => {
    result = await runConsumer(system);
  });

  it(`resolves "box-ts" to the ${system} build`, () => {
    expect(String(result.resolvedFrom).endsWith(entryFile)).toBe(true);
  });

  it("runs facade calls, client.api and typed errors against Prism", () => {
    expect(result).toMatchObject({
      userName: expected.userName,
      apiUserName: expected.userName,
      rootEntryNames: expected.rootEntryNames,
      uploadedName: expected.uploadedName,
      notFound: { isItemDoesNotExistError: true, status: 404 },
    });
  });

  it('streams a file from "box-ts/node" and throws the core package\'s error classes', () => {
    expect(result.opened).toEqual({ name: "note.txt", size: 9, text: "from disk" });
    expect(result.helperErrorIsCoreClass).toBe(true);
  });
});

describe("the published files", () => {
  it("keep the core entry free of node:* imports (only the ./node entry has them)", async () => {
    const dist = join(consumerDir, "node_modules", "box-ts", "dist");
    const core = await readFile(join(dist, "index.js"), "utf8");
    const helpers = await readFile(join(dist, "node", "index.js"), "utf8");
    const importsOf = (code: string) => [
      ...[...code.matchAll(/^import .* from ['"]([^'"]+)['"]/gm)].map((match) => match[1]),
      // @noble/hashes is loaded on the first upload, not at import.
      ...[...code.matchAll(/\bimport\(['"]([^'"]+)['"]\)/g)].map((match) => match[1]),
    ];

    expect(importsOf(core).filter((specifier) => !specifier?.startsWith("./")).sort()).toEqual(["@noble/hashes/legacy", "openapi-fetch"]);
    expect(importsOf(helpers)).toContain("node:fs");
  });

  // @noble/hashes gives the runtime-neutral core the incremental SHA-1 that WebCrypto lacks.
  it("declare openapi-fetch and @noble/hashes as the only runtime dependencies", async () => {
    const manifest: { dependencies?: Record<string, string> } = JSON.parse(
      await readFile(join(consumerDir, "node_modules", "box-ts", "package.json"), "utf8"),
    );
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(["@noble/hashes", "openapi-fetch"]);
  });
});

describe("the published declarations", () => {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

  /** Compiles the typed consumer in its own folder of the fresh project; returns tsc's diagnostics. */
  async function compile(resolution: keyof typeof consumerTsconfigs, files: string[]): Promise<string> {
    const dir = join(consumerDir, `types-${resolution}`);
    await mkdir(dir, { recursive: true });
    const compilerOptions = { ...consumerTsconfigs[resolution], target: "es2022", lib: ["es2022", "dom"], types: [], strict: true, noEmit: true, skipLibCheck: false };
    await writeFile(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files }));
    for (const file of files) await writeFile(join(dir, file), typedConsumer);
    return run(process.execPath, [tsc, "-p", dir]).then(
      () => "",
      (error: { stdout?: string }) => error.stdout || String(error),
    );
  }

  it("type-check a consumer under node16 resolution, from ESM (.mts) and CJS (.cts)", async () => {
    expect(await compile("node16", ["sample.mts", "sample.cts"])).toBe("");
  });

  it("type-check a consumer under bundler resolution", async () => {
    expect(await compile("bundler", ["sample.ts"])).toBe("");
  });
});
