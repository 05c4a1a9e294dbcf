import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/**
 * Where benchmarks put generated files (git-ignored). Inside the repository
 * on purpose: module resolution from here finds the repository's
 * node_modules (openapi-fetch, box-node-sdk) exactly as an app's import would.
 */
export const workDir = join(root, ".bench-tmp");

/** An empty directory of one benchmark's own under {@link workDir}; other benchmarks' directories are left alone. */
export function freshWorkDir(name: string): string {
  const dir = join(workDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A loadable box-ts entry file and how it was obtained, for the notes of a row. */
export interface BoxTsEntry {
  file: string;
  source: string;
}

export interface BoxTsEntries {
  esm: BoxTsEntry;
  cjs: BoxTsEntry;
}

/**
 * The package entry as an app loads it: the built files in dist/ when the
 * package.json `exports` (or main/module) point there and they exist, else an
 * esbuild bundle of src/index.ts made here. Running src/ through a TypeScript
 * loader would time the loader, not the package. Dependencies stay external
 * (resolved from node_modules, as after `npm install box-ts`).
 */
export async function boxTsEntries(): Promise<BoxTsEntries> {
  const built = builtEntries();
  if (built.esm && built.cjs) return { esm: built.esm, cjs: built.cjs };
  const dir = freshWorkDir("bundle");
  const { build } = await import("esbuild");
  const bundle = async (format: "esm" | "cjs", file: string): Promise<BoxTsEntry> => {
    await build({
      entryPoints: [join(root, "src", "index.ts")],
      outfile: join(dir, file),
      bundle: true,
      platform: "node",
      target: "node20",
      format,
      packages: "external",
      logLevel: "error",
    });
    return { file: join(dir, file), source: `src/index.ts bundled by esbuild (no built ${format} entry in dist/)` };
  };
  return {
    esm: built.esm ?? (await bundle("esm", "box-ts.mjs")),
    cjs: built.cjs ?? (await bundle("cjs", "box-ts.cjs")),
  };
}

function builtEntries(): Partial<BoxTsEntries> {
  const manifest: unknown = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  if (!isRecord(manifest)) return {};
  const dot = isRecord(manifest.exports) ? (manifest.exports["."] ?? manifest.exports) : undefined;
  const esm = conditionTarget(dot, "import") ?? stringField(manifest, "module") ?? stringField(manifest, "main");
  const cjs = conditionTarget(dot, "require") ?? stringField(manifest, "main");
  // A ".js" file is CommonJS only when the package is not "type": "module".
  const cjsPattern = manifest.type === "module" ? /\.cjs$/ : /\.c?js$/;
  return { esm: asBuilt(esm, "import", /\.(c|m)?js$/), cjs: asBuilt(cjs, "require", cjsPattern) };
}

function asBuilt(target: string | undefined, condition: "import" | "require", pattern: RegExp): BoxTsEntry | undefined {
  if (!target || !pattern.test(target)) return undefined;
  const file = join(root, target);
  if (!existsSync(file)) return undefined;
  return { file, source: `${target.replace(/^\.\//, "")} (built, package.json ${condition} entry)` };
}

/** The file a conditional export resolves to for `condition`, following nested conditions to their "default". */
function conditionTarget(exportsEntry: unknown, condition: string): string | undefined {
  if (typeof exportsEntry === "string") return exportsEntry;
  if (!isRecord(exportsEntry)) return undefined;
  for (const key of [condition, "node", "default"]) {
    const found = conditionTarget(exportsEntry[key], condition);
    if (found) return found;
  }
  return undefined;
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === "string" ? value : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
