import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { consumerProgram, type ModuleSystem } from "./support/consumer-program.js";
import { expected } from "./support/spec-examples.js";

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
    const importsOf = (code: string) => [...code.matchAll(/^import .* from ['"]([^'"]+)['"]/gm)].map((match) => match[1]);

    expect(importsOf(core).filter((specifier) => !specifier?.startsWith("./"))).toEqual(["openapi-fetch"]);
    expect(importsOf(helpers)).toContain("node:fs");
  });

  it("declare openapi-fetch as the only runtime dependency", async () => {
    const manifest: { dependencies?: Record<string, string> } = JSON.parse(
      await readFile(join(consumerDir, "node_modules", "box-ts", "package.json"), "utf8"),
    );
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(["openapi-fetch"]);
  });
});
