/**
 * Size budget: what box-ts costs an app, next to box-node-sdk, measured in one run.
 *
 * - gzip size of a minified browser bundle (esbuild, level-9 gzip) of the
 *   whole public surface, and of an app that only makes one `client.api` call
 *   (box-node-sdk: one `client.users` call);
 * - installed size (sum of file sizes) and runtime dependency count (packages
 *   under node_modules besides the package itself) of a production install into
 *   an empty project: box-ts from its packed tarball, box-node-sdk from npm.
 *
 *   npx tsx scripts/bench/size.ts      # this benchmark alone
 *   npm run bench                      # with the others
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, lstat, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { formatRows } from "./report.js";
import type { Benchmark, BenchRow } from "./types.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const BENCHMARK = "size budget";

/** Two small apps per library: everything it exports, and the least a real call needs. */
const apps = {
  "box-ts": {
    full: `export * from "box-ts";`,
    minimal: `import { BoxClient } from "box-ts";
const client = new BoxClient("token");
export const me = () => client.api.GET("/users/me");`,
    minimalLabel: "client.api only",
  },
  "box-node-sdk": {
    full: `export * from "box-node-sdk";`,
    minimal: `import { BoxClient, BoxDeveloperTokenAuth } from "box-node-sdk";
const client = new BoxClient({ auth: new BoxDeveloperTokenAuth({ token: "token" }) });
export const me = () => client.users.getUserMe();`,
    minimalLabel: "client.users only",
  },
} as const;

type Subject = keyof typeof apps;
const SUBJECTS: readonly Subject[] = ["box-ts", "box-node-sdk"];

interface Measured {
  /** gzip bytes of the all-exports bundle. */
  full: number;
  /** gzip bytes of the one-call bundle. */
  minimal: number;
  /** Installed bytes under node_modules. */
  bytes: number;
  /** Installed packages other than the subject itself. */
  packages: number;
}

async function sdkVersion(): Promise<string> {
  const manifest: { devDependencies?: Record<string, string> } = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
  const version = manifest.devDependencies?.["box-node-sdk"];
  if (!version) throw new Error("box-node-sdk is not a devDependency of box-ts");
  return version;
}

/** Builds and packs box-ts as published; returns the tarball's path. */
async function packBoxTs(destination: string): Promise<string> {
  await run("npm", ["run", "build"], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination], { cwd: root });
  const [report]: { filename: string }[] = JSON.parse(stdout);
  if (!report) throw new Error("npm pack reported no tarball");
  return join(destination, report.filename);
}

/** A production install of one package spec into a new, empty project. */
async function installAlone(dir: string, spec: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: "size-probe", private: true, version: "1.0.0" }));
  await run("npm", ["install", spec, "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--no-package-lock", "--prefer-offline"], {
    cwd: dir,
  });
}

/** Sum of file sizes and the package directories under a node_modules tree. */
async function measureTree(nodeModules: string): Promise<{ bytes: number; packages: number }> {
  let bytes = 0;
  let packages = 0;
  async function walk(dir: string, parentIsNodeModules: boolean, parentIsScope: boolean): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const isScope = parentIsNodeModules && entry.name.startsWith("@");
        if ((parentIsNodeModules && !isScope && entry.name !== ".bin") || parentIsScope) packages++;
        await walk(path, entry.name === "node_modules", isScope);
      } else {
        bytes += (await lstat(path)).size;
      }
    }
  }
  await walk(nodeModules, true, false);
  return { bytes, packages };
}

/** gzip -9 size of a minified browser bundle of `source`, resolved from the project in `dir`. */
async function gzippedBundle(dir: string, name: string, source: string): Promise<number> {
  const entry = join(dir, `${name}.mjs`);
  await writeFile(entry, source);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild wrote no bundle for ${name}`);
  return gzipSync(output.contents, { level: 9 }).length;
}

async function measure(): Promise<BenchRow[]> {
  const work = await mkdtemp(join(tmpdir(), "box-ts-size-"));
  try {
    const version = await sdkVersion();
    const dirs: Record<Subject, string> = { "box-ts": join(work, "box-ts"), "box-node-sdk": join(work, "box-node-sdk") };
    const tarball = await packBoxTs(work);
    await installAlone(dirs["box-ts"], tarball);
    await installAlone(dirs["box-node-sdk"], `box-node-sdk@${version}`);

    const measureSubject = async (subject: Subject): Promise<Measured> => {
      const tree = await measureTree(join(dirs[subject], "node_modules"));
      return {
        full: await gzippedBundle(dirs[subject], "full", apps[subject].full),
        minimal: await gzippedBundle(dirs[subject], "minimal", apps[subject].minimal),
        bytes: tree.bytes,
        // The package itself is not one of its dependencies.
        packages: tree.packages - 1,
      };
    };
    const results: Record<Subject, Measured> = {
      "box-ts": await measureSubject("box-ts"),
      "box-node-sdk": await measureSubject("box-node-sdk"),
    };

    const rows: BenchRow[] = [];
    const add = (metric: string, pick: (r: Measured) => number, unit: (n: number) => number, notes: Record<Subject, string>) => {
      const base = pick(results["box-ts"]);
      for (const subject of SUBJECTS) {
        const value = pick(results[subject]);
        rows.push({
          benchmark: BENCHMARK,
          subject: subject === "box-node-sdk" ? `box-node-sdk ${version}` : subject,
          metric,
          value: unit(value),
          ratio: value / base,
          note: notes[subject],
        });
      }
    };
    const kib = (n: number) => Math.round((n / 1024) * 10) / 10;
    const mib = (n: number) => Math.round((n / 1024 / 1024) * 100) / 100;
    add("browser bundle, all exports (gzip KiB)", (r) => r.full, kib, { "box-ts": "export * from \"box-ts\"", "box-node-sdk": "export * from \"box-node-sdk\"" });
    add("browser bundle, one call (gzip KiB)", (r) => r.minimal, kib, {
      "box-ts": `${apps["box-ts"].minimalLabel}: client.api.GET("/users/me")`,
      "box-node-sdk": `${apps["box-node-sdk"].minimalLabel}: client.users.getUserMe()`,
    });
    add("installed size (MiB)", (r) => r.bytes, mib, { "box-ts": "npm install <packed tarball> --omit=dev", "box-node-sdk": "npm install --omit=dev" });
    add("runtime dependencies (packages)", (r) => r.packages, (n) => n, { "box-ts": "transitive, installed", "box-node-sdk": "transitive, installed" });
    return rows;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export const sizeBenchmark: Benchmark = {
  name: "size",
  description:
    "gzip size of minified browser bundles (all exports; one API call), installed size and runtime dependency count of a production install, box-ts (packed tarball) vs box-node-sdk.",
  run: measure,
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(`${sizeBenchmark.name}: ${sizeBenchmark.description}\n`);
  console.log(formatRows(await sizeBenchmark.run()));
}
