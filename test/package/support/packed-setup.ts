import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { startPrism, type PrismServer } from "../../../scripts/lib/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A fresh project with only the packed box-ts tarball (and its dependencies) installed. */
    consumerDir: string;
    /** The tarball `npm pack` made. */
    tarballPath: string;
    prismUrl: string;
  }
}

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../..", import.meta.url));

let workDir: string | undefined;
let prism: PrismServer | undefined;

/**
 * Builds and packs box-ts the way `npm publish` would, installs
 * the tarball into a new project outside the repository, and starts Prism.
 */
export async function setup(project: TestProject): Promise<void> {
  workDir = await mkdtemp(join(tmpdir(), "box-ts-package-"));
  const tarballPath = await pack(workDir);
  const consumerDir = join(workDir, "consumer");
  await mkdir(consumerDir);
  await writeFile(join(consumerDir, "package.json"), JSON.stringify({ name: "box-ts-consumer", private: true, version: "1.0.0" }));
  await run("npm", ["install", tarballPath, "--no-audit", "--no-fund", "--prefer-offline", "--no-package-lock"], {
    cwd: consumerDir,
  });
  prism = await startPrism({ errors: true });
  project.provide("consumerDir", consumerDir);
  project.provide("tarballPath", tarballPath);
  project.provide("prismUrl", prism.url);
}

export async function teardown(): Promise<void> {
  await prism?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}

async function pack(destination: string): Promise<string> {
  // The build prepack would run, done first so npm's stdout is its JSON report alone.
  await run("npm", ["run", "build"], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination], { cwd: root });
  const report: unknown = JSON.parse(stdout);
  if (!Array.isArray(report) || typeof report[0]?.filename !== "string") throw new Error(`npm pack reported no tarball:\n${stdout}`);
  return join(destination, report[0].filename);
}
