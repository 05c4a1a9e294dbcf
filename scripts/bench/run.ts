/**
 * `npm run bench [-- --only a,b] [-- --out FILE]`: runs every registered
 * benchmark (scripts/bench/index.ts) one after the other, prints one aligned
 * table, and writes it with the machine's description to BENCHMARKS.md.
 * A benchmark that throws gets an error row; the rest still run, and the exit
 * code is 1 at the end.
 */
import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, type as osType, release, arch } from "node:os";
import { performance } from "node:perf_hooks";
import { isAbsolute, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { root } from "./artifacts.js";
import { benchmarks } from "./index.js";
import { formatTable, markdownReport, selectBenchmarks, tableRows, type BenchmarkResult, type Machine } from "./report.js";
import type { Benchmark } from "./types.js";

const USAGE = `usage: npm run bench [-- --only name[,name...]] [-- --out FILE] [-- --list]

  --only   run only these benchmarks (comma-separated names)
  --out    where to write the Markdown report (default BENCHMARKS.md in the repository root)
  --list   print the benchmarks and exit
`;

function describeMachine(): Machine {
  const processors = cpus();
  return {
    node: process.version,
    cpu: processors[0]?.model.trim() ?? "unknown",
    cores: processors.length,
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${osType()} ${release()} ${arch()}`,
    loadAverage: loadavg()
      .map((value) => value.toFixed(2))
      .join(" "),
    date: new Date().toISOString(),
  };
}

async function runOne(benchmark: Benchmark, index: number, count: number): Promise<BenchmarkResult> {
  process.stderr.write(`[${index + 1}/${count}] ${benchmark.name}: ${benchmark.description}\n`);
  const start = performance.now();
  try {
    const rows = await benchmark.run();
    const seconds = (performance.now() - start) / 1000;
    process.stderr.write(`      done in ${seconds.toFixed(1)} s\n`);
    return { benchmark, rows, seconds };
  } catch (error) {
    const seconds = (performance.now() - start) / 1000;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`      FAILED after ${seconds.toFixed(1)} s: ${error instanceof Error ? (error.stack ?? message) : message}\n`);
    return { benchmark, rows: [], error: message, seconds };
  }
}

async function main(): Promise<number> {
  let values: { only?: string; out?: string; list?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        only: { type: "string" },
        out: { type: "string" },
        list: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.list) {
    for (const benchmark of benchmarks) process.stdout.write(`${benchmark.name}: ${benchmark.description}\n`);
    return 0;
  }
  let selected: Benchmark[];
  try {
    selected = selectBenchmarks(benchmarks, values.only);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }

  const machine = describeMachine();
  process.stderr.write(`Node ${machine.node}, ${machine.cpu} x ${machine.cores} cores, load average ${machine.loadAverage}\n`);
  const start = performance.now();
  const results: BenchmarkResult[] = [];
  for (const [index, benchmark] of selected.entries()) results.push(await runOne(benchmark, index, selected.length));
  const totalSeconds = (performance.now() - start) / 1000;

  process.stdout.write(`\n${formatTable(tableRows(results))}\n\nTotal: ${totalSeconds.toFixed(1)} s\n`);
  const out = values.out === undefined ? join(root, "BENCHMARKS.md") : isAbsolute(values.out) ? values.out : join(process.cwd(), values.out);
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  writeFileSync(out, markdownReport(results, machine, command, totalSeconds));
  process.stderr.write(`Wrote ${relative(process.cwd(), out) || out}\n`);

  const failed = results.filter((result) => result.error !== undefined);
  if (failed.length > 0) process.stderr.write(`${failed.length} benchmark(s) failed: ${failed.map((result) => result.benchmark.name).join(", ")}\n`);
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
