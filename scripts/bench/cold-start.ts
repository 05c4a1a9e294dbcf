import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { boxTsEntries, freshWorkDir, isRecord } from "./artifacts.js";
import { envInteger, timeNodeSync } from "./node-process.js";
import { formatNumber, formatSpread, median, roundOrder, summarize, verdict } from "./stats.js";
import type { Benchmark, BenchRow } from "./types.js";

const BENCHMARK = "cold-start";
const TARGET_MS = 25;

interface Subject {
  label: string;
  /** The box-node-sdk subject in the same module format, whose time the ratio divides by. */
  baseline?: string;
  args: string[];
  source: string;
}

/**
 * Wall time of `node <file>` where the file only imports the package, minus
 * the wall time of `node -e 0` measured in the same round; rounds interleave
 * every subject (rotated, and reversed every other cycle) so drift hits all of
 * them alike. The same processes report the import's in-process time and
 * their peak RSS.
 */
async function run(): Promise<BenchRow[]> {
  const runs = envInteger("BENCH_COLD_RUNS", 15, 10);
  const dir = freshWorkDir("cold-start");
  const boxTs = await boxTsEntries();
  const importer = (name: string, load: string) => {
    // The timer around the load is the in-process view; the headline is the wall time of the whole process.
    const code = `const start = performance.now(); ${load}; const importMs = performance.now() - start; process.on("exit", () => process.stdout.write(JSON.stringify({ importMs, maxRssKiB: process.resourceUsage().maxRSS })));`;
    writeFileSync(join(dir, name), `${code}\n`);
    return [join(dir, name)];
  };
  const subjects: Subject[] = [
    { label: "bare node", args: ["-e", "0"], source: "node -e 0" },
    { label: "box-ts ESM", baseline: "box-node-sdk ESM", args: importer("box-ts.mjs", `await import(${JSON.stringify(pathToFileURL(boxTs.esm.file).href)})`), source: boxTs.esm.source },
    { label: "box-ts CJS", baseline: "box-node-sdk CJS", args: importer("box-ts.cjs", `require(${JSON.stringify(boxTs.cjs.file)})`), source: boxTs.cjs.source },
    { label: "box-node-sdk ESM", args: importer("box-node-sdk.mjs", `await import("box-node-sdk")`), source: "import(\"box-node-sdk\") 10.12.0 (lib-esm/)" },
    { label: "box-node-sdk CJS", args: importer("box-node-sdk.cjs", `require("box-node-sdk")`), source: "require(\"box-node-sdk\") 10.12.0 (lib/)" },
  ];

  // One untimed run each: fills the OS file cache and finds subjects that cannot load at all.
  const failures = new Map<string, string>();
  for (const subject of subjects) {
    try {
      timeNodeSync(subject.args);
    } catch (error) {
      failures.set(subject.label, error instanceof Error ? error.message : String(error));
    }
  }
  // box-node-sdk is a comparison: its failure is reported in its rows. Ours fail the benchmark.
  for (const [label, failure] of failures) if (!label.startsWith("box-node-sdk")) throw new Error(`${label}: ${failure}`);
  const live = subjects.filter((subject) => !failures.has(subject.label));

  const samples = new Map<string, { overBare: number[]; importMs: number[]; rssMiB: number[] }>(
    live.map((subject) => [subject.label, { overBare: [], importMs: [], rssMiB: [] }]),
  );
  const bare: number[] = [];
  for (let round = 0; round < runs; round += 1) {
    const results = new Map(roundOrder(live, round).map((subject) => [subject.label, timeNodeSync(subject.args)]));
    const bareMs = results.get("bare node")?.ms ?? Number.NaN;
    bare.push(bareMs);
    for (const [label, result] of results) {
      if (label === "bare node") continue;
      const report = parseImportReport(result.stdout);
      const target = samples.get(label);
      target?.overBare.push(result.ms - bareMs);
      target?.importMs.push(report.importMs);
      target?.rssMiB.push(report.maxRssKiB / 1024);
    }
  }
  const bareRss = summarize(
    Array.from({ length: 3 }, () => Number(timeNodeSync(["-e", "process.stdout.write(String(process.resourceUsage().maxRSS))"]).stdout) / 1024),
  );

  const bareSummary = summarize(bare);
  const rows: BenchRow[] = [
    {
      benchmark: BENCHMARK,
      subject: "bare node",
      metric: "wall ms",
      value: bareSummary.median,
      spread: formatSpread(bareSummary),
      note: `node -e 0, ${runs} rounds interleaved with the imports; subtracted round by round`,
    },
    {
      benchmark: BENCHMARK,
      subject: "bare node",
      metric: "peak RSS MiB",
      value: bareRss.median,
      spread: formatSpread(bareRss),
      note: "maxRSS of node -e 0 (3 extra runs)",
    },
  ];
  const medianOf = (label: string | undefined, pick: "overBare" | "importMs" | "rssMiB") => {
    const values = label ? samples.get(label)?.[pick] : undefined;
    return values && values.length > 0 ? median(values) : undefined;
  };
  for (const subject of subjects.slice(1)) {
    const failure = failures.get(subject.label);
    if (failure) {
      rows.push({ benchmark: BENCHMARK, subject: subject.label, metric: "import ms over bare node", value: Number.NaN, note: `could not load: ${failure}` });
      continue;
    }
    const sample = samples.get(subject.label) ?? { overBare: [], importMs: [], rssMiB: [] };
    const vs = subject.baseline ? `; ratio vs ${subject.baseline}` : "";
    const ratio = (pick: "overBare" | "importMs" | "rssMiB", value: number) => {
      const baseline = medianOf(subject.baseline, pick);
      return baseline === undefined ? undefined : value / baseline;
    };
    const wall = summarize(sample.overBare);
    const target = subject.baseline ? `; target < ${TARGET_MS} ms: ${verdict(wall, TARGET_MS)}` : "";
    rows.push({
      benchmark: BENCHMARK,
      subject: subject.label,
      metric: "import ms over bare node",
      value: wall.median,
      spread: formatSpread(wall),
      ratio: ratio("overBare", wall.median),
      note: `${subject.source}${vs}${target}`,
    });
    const inProcess = summarize(sample.importMs);
    rows.push({
      benchmark: BENCHMARK,
      subject: subject.label,
      metric: "in-process import ms",
      value: inProcess.median,
      spread: formatSpread(inProcess),
      ratio: ratio("importMs", inProcess.median),
      note: `timed inside the same processes${vs}`,
    });
    const rss = summarize(sample.rssMiB);
    rows.push({
      benchmark: BENCHMARK,
      subject: subject.label,
      metric: "peak RSS MiB",
      value: rss.median,
      spread: formatSpread(rss),
      ratio: ratio("rssMiB", rss.median),
      note: `same processes, +${formatNumber(rss.median - bareRss.median)} MiB over bare node${vs}`,
    });
  }
  return rows;
}

function parseImportReport(stdout: string): { importMs: number; maxRssKiB: number } {
  const report: unknown = JSON.parse(stdout);
  if (isRecord(report) && typeof report.importMs === "number" && typeof report.maxRssKiB === "number") {
    return { importMs: report.importMs, maxRssKiB: report.maxRssKiB };
  }
  throw new Error(`unexpected importer output: ${stdout.slice(0, 200)}`);
}

export const coldStart: Benchmark = {
  name: BENCHMARK,
  description: `Time to load the package in a fresh Node process (ESM import and CJS require), box-ts beside box-node-sdk 10.12.0, minus bare \`node -e 0\`; median of BENCH_COLD_RUNS (default 15, at least 10) interleaved rounds, plus each process's peak RSS.`,
  run,
};
