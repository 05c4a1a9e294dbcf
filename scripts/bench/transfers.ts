/**
 * Transfers benchmark: box-ts, a hand-written raw fetch loop and
 * box-node-sdk 10.12.0 side by side in one run, against the local strict
 * upload/download server (scripts/lib/transfer-server.ts):
 *   - chunked upload from disk (N MiB), with no added latency and with 50 ms per part;
 *   - download to disk (N MiB), through the 302 to a second origin;
 *   - simple upload from disk (40 MB).
 * Each run is its own child process; the table shows the median throughput
 * and the highest peak RSS over BOX_TS_BENCH_REPEATS rounds (default 3) that
 * interleave the subjects. N = BOX_TS_BENCH_TRANSFER_MB (default 1024).
 *
 *   npx tsx scripts/bench/transfers.ts
 */
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { TransferServer } from "../lib/transfer-server.js";
import type { ChildTask } from "./transfers-child.js";
import type { Benchmark, BenchRow } from "./types.js";

const MiB = 1024 * 1024;
const here = dirname(fileURLToPath(import.meta.url));
const ALL_SUBJECTS: ChildTask["subject"][] = ["box-ts", "raw fetch", "box-node-sdk"];
/** BOX_TS_BENCH_SUBJECTS="box-ts,raw fetch" runs a subset (for quick looks; the report runs all three). */
const SUBJECTS = ALL_SUBJECTS.filter((subject) => (process.env.BOX_TS_BENCH_SUBJECTS ?? ALL_SUBJECTS.join(",")).split(",").includes(subject));

function writeRandomFile(path: string, size: number): void {
  const block = randomBytes(4 * MiB);
  const fd = openSync(path, "w");
  for (let written = 0; written < size; written += block.length) writeSync(fd, block, 0, Math.min(block.length, size - written));
  closeSync(fd);
}

interface ChildResult {
  ms?: number;
  bytes?: number;
  peakRssMiB?: number;
  error?: string;
}

/**
 * The child, bundled to plain JavaScript, so every subject runs on bare node
 * (a TypeScript loader would add its own tens of MiB to every peak RSS).
 * It sits under node_modules/ so its import of box-node-sdk resolves.
 */
async function bundleChild(): Promise<string> {
  const outfile = join(here, "..", "..", "node_modules", ".cache", "box-ts-bench", "transfers-child.mjs");
  await build({ entryPoints: [join(here, "transfers-child.ts")], outfile, bundle: true, platform: "node", format: "esm", target: "node20", external: ["box-node-sdk"], logLevel: "error" });
  return outfile;
}

/** Runs one task in a child process (asynchronously: the server lives in this process). */
function runChild(script: string, task: ChildTask): Promise<ChildResult> {
  const child = spawn(process.execPath, [script, JSON.stringify(task)], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 300_000);
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split("\n").at(-1) ?? "";
      try {
        resolve(JSON.parse(line) as ChildResult);
      } catch {
        resolve({ error: `child exited ${code ?? signal}: ${(stderr || line).trim().split("\n").slice(-3).join(" | ")}` });
      }
    });
  });
}

async function scenario(
  script: string,
  rows: BenchRow[],
  name: string,
  serverOptions: ConstructorParameters<typeof TransferServer>[0],
  task: (server: TransferServer, subject: ChildTask["subject"]) => ChildTask,
  note: string,
): Promise<void> {
  const samples = new Map<ChildTask["subject"], ChildResult[]>(SUBJECTS.map((subject) => [subject, []]));
  // Rounds interleave the subjects, so a slow moment of the machine hits all of them.
  for (let pass = 0; pass < REPEATS; pass++) {
    for (const subject of SUBJECTS) {
      // A fresh server per run: nothing one run leaves behind affects the next.
      const server = await new TransferServer(serverOptions).start();
      try {
        samples.get(subject)?.push(await runChild(script, task(server, subject)));
      } finally {
        await server.stop();
      }
    }
  }
  const rates = (subject: ChildTask["subject"]) =>
    (samples.get(subject) ?? []).flatMap((result) => (result.ms !== undefined && result.bytes !== undefined && result.error === undefined ? [result.bytes / MiB / (result.ms / 1000)] : []));
  const baseRate = median(rates("raw fetch"));
  for (const subject of SUBJECTS) {
    const results = samples.get(subject) ?? [];
    const failed = results.find((result) => result.error !== undefined || result.ms === undefined);
    if (failed !== undefined) {
      rows.push({ benchmark: name, subject, metric: "MiB/s", value: Number.NaN, note: `did not complete: ${failed.error ?? "no result"}` });
      continue;
    }
    const rate = median(rates(subject));
    const peaks = results.map((result) => result.peakRssMiB ?? Number.NaN);
    rows.push({ benchmark: name, subject, metric: "MiB/s", value: round(rate), spread: spread(rates(subject)), ratio: baseRate ? round(rate / baseRate) : undefined, note });
    rows.push({ benchmark: name, subject, metric: "peak RSS MiB", value: round(Math.max(...peaks)), spread: spread(peaks), note: "highest of the runs" });
  }
}

const REPEATS = Number(process.env.BOX_TS_BENCH_REPEATS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

function spread(values: number[]): string | undefined {
  return values.length > 1 ? `${round(Math.min(...values))}-${round(Math.max(...values))}` : undefined;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export const transfersBenchmark: Benchmark = {
  name: "transfers",
  description: "Chunked upload, download and simple upload against a local server: throughput and peak RSS per subject, each in its own process.",
  async run() {
    const sizeMiB = Number(process.env.BOX_TS_BENCH_TRANSFER_MB ?? 1024);
    const simpleMB = Number(process.env.BOX_TS_BENCH_SIMPLE_MB ?? 40);
    const scratch = mkdtempSync(join(tmpdir(), "box-ts-bench-transfers-"));
    const bigPath = join(scratch, "big.bin");
    const smallPath = join(scratch, "small.bin");
    const rows: BenchRow[] = [];
    const script = await bundleChild();
    try {
      const floor = await runChild(script, { subject: "box-ts", kind: "idle", apiUrl: "", path: "" });
      rows.push({ benchmark: "idle child (floor)", subject: "node + bundle", metric: "peak RSS MiB", value: round(floor.peakRssMiB ?? Number.NaN), note: "what every child costs before moving a byte" });
      writeRandomFile(bigPath, sizeMiB * MiB);
      writeRandomFile(smallPath, simpleMB * 1000 * 1000);
      const upload = (path: string) => (server: TransferServer, subject: ChildTask["subject"]): ChildTask => ({ subject, kind: "chunked upload", apiUrl: server.apiUrl, path });
      // Commit answers 201 at once here: box-node-sdk cannot complete a 202 commit.
      await scenario(script, rows, `chunked upload ${sizeMiB} MiB from disk`, { commit202: false }, upload(bigPath), "8 MiB parts, no added latency");
      await scenario(script, rows, `chunked upload ${sizeMiB} MiB, 50 ms/part`, { commit202: false, partLatencyMs: 50 }, upload(bigPath), "8 MiB parts, 50 ms added per part");
      await scenario(
        script,
        rows,
        `download ${sizeMiB} MiB to disk`,
        {},
        (server, subject) => ({ subject, kind: "download", apiUrl: server.apiUrl, path: join(scratch, `down-${subject}.bin`), fileId: server.addSyntheticFile(sizeMiB * MiB) }),
        "302 to a second origin; box-ts reports progress",
      );
      await scenario(script, rows, `simple upload ${simpleMB} MB from disk`, {}, (server, subject) => ({ subject, kind: "simple upload", apiUrl: server.apiUrl, path: smallPath }), "one multipart request");
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    return rows;
  },
};

function printTable(rows: BenchRow[]): void {
  const header = ["benchmark", "subject", "metric", "value", "min-max", "vs raw fetch", "note"];
  const lines = rows.map((row) => [row.benchmark, row.subject, row.metric, Number.isNaN(row.value) ? "n/a" : String(row.value), row.spread ?? "", row.ratio === undefined ? "" : `${row.ratio}x`, row.note ?? ""]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? "").length)));
  const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const line of lines) console.log(format(line));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const rows = await transfersBenchmark.run();
  printTable(rows);
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s in all, node ${process.version}, ${process.env.BOX_TS_BENCH_TRANSFER_MB ?? 1024} MiB, ${REPEATS} rounds)`);
}
