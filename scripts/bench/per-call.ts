import { join } from "node:path";
import { boxTsEntries, freshWorkDir, root } from "./artifacts.js";
import { envInteger, runNode } from "./node-process.js";
import { isWorkerReport, SUBJECTS, type Subject, type WorkerReport } from "./per-call-protocol.js";
import { startBenchServer, type BenchServer } from "./server.js";
import { formatSpread, median, roundOrder, summarize, verdict } from "./stats.js";
import type { Benchmark, BenchRow } from "./types.js";

const BENCHMARK = "per-call";
const BASELINE: Subject = "raw fetch";
const FACADE_TARGET = 1.15;
const WORKER_TIMEOUT_MS = 120_000;

/**
 * Sequential GET /2.0/users/me calls against the local server, one fresh
 * process per subject per round (their memory never mixes, and each starts
 * cold), rounds interleaved (stats.ts roundOrder). The server runs in this
 * process, so its own CPU and memory are outside every subject's numbers.
 */
async function run(): Promise<BenchRow[]> {
  const calls = envInteger("BENCH_PER_CALL_CALLS", 5000);
  const rounds = envInteger("BENCH_PER_CALL_ROUNDS", 5);
  const warmup = Math.min(500, calls);
  const [boxTs, worker] = await Promise.all([boxTsEntries(), bundleWorker()]);
  const server = await startBenchServer();
  const reports = new Map<Subject, WorkerReport[]>(SUBJECTS.map((subject) => [subject, []]));
  const connectionsPerRun = new Map<Subject, number[]>(SUBJECTS.map((subject) => [subject, []]));
  const failures = new Map<Subject, string>();
  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const subject of roundOrder(SUBJECTS, round)) {
        if (failures.has(subject)) continue;
        try {
          const before = { requests: server.requests, connections: server.connections };
          const report = await runWorker(worker, subject, server, calls, warmup, boxTs.esm.file);
          const requests = server.requests - before.requests;
          if (requests !== calls + warmup) throw new Error(`the server saw ${requests} requests, expected ${calls + warmup}`);
          reports.get(subject)?.push(report);
          connectionsPerRun.get(subject)?.push(server.connections - before.connections);
        } catch (error) {
          // box-node-sdk is a comparison: its failure is reported in its row. Ours fail the benchmark.
          if (subject !== "box-node-sdk") throw new Error(`${subject}: ${error instanceof Error ? error.message : String(error)}`);
          failures.set(subject, error instanceof Error ? error.message : String(error));
        }
      }
    }
  } finally {
    await server.close();
  }

  const inputs = `${calls.toLocaleString("en-US")} calls + ${warmup} warm-up, ${rounds} rounds`;
  const medianOf = (subject: Subject, pick: (report: WorkerReport) => number) => {
    const samples = reports.get(subject)?.map(pick) ?? [];
    return samples.length > 0 ? median(samples) : undefined;
  };
  const microsPerCall = (report: WorkerReport) => (report.ms * 1000) / report.calls;
  const cpuMicrosPerCall = (report: WorkerReport) => (report.cpuMs * 1000) / report.calls;
  const rssMiB = (report: WorkerReport) => report.maxRssKiB / 1024;
  const baselineTime = medianOf(BASELINE, microsPerCall);
  const baselineCpu = medianOf(BASELINE, cpuMicrosPerCall);
  const baselineRss = medianOf(BASELINE, rssMiB);

  const rows: BenchRow[] = [];
  for (const subject of SUBJECTS) {
    const failure = failures.get(subject);
    if (failure) {
      rows.push({ benchmark: BENCHMARK, subject, metric: "wall µs per call", value: Number.NaN, note: `failed: ${failure}` });
      continue;
    }
    const samples = reports.get(subject) ?? [];
    const time = summarize(samples.map(microsPerCall));
    const ratio = baselineTime === undefined ? undefined : time.median / baselineTime;
    const connections = median(connectionsPerRun.get(subject) ?? [Number.NaN]);
    // Rounds are interleaved, so round i of a subject and round i of raw fetch saw the same machine.
    const baselineRuns = reports.get(BASELINE) ?? [];
    const roundRatios = (pick: (report: WorkerReport) => number) =>
      summarize(samples.map((report, round) => pick(report) / pick(baselineRuns[round] ?? report)));
    const describeRatios = (pick: (report: WorkerReport) => number) => {
      if (subject === BASELINE) return "";
      const ratios = roundRatios(pick);
      const target = subject === "box-ts facade" ? `; target <= ${FACADE_TARGET}x: ${verdict(ratios, FACADE_TARGET)}` : "";
      return `; per-round ratio p10-p90 ${ratios.p10.toFixed(2)}-${ratios.p90.toFixed(2)}${target}`;
    };
    rows.push({
      benchmark: BENCHMARK,
      subject,
      metric: "wall µs per call",
      value: time.median,
      spread: formatSpread(time),
      ratio,
      note: `${describe(subject)}; ${inputs}; ${connections} TCP conn/run${describeRatios(microsPerCall)}`,
    });
    const cpu = summarize(samples.map(cpuMicrosPerCall));
    rows.push({
      benchmark: BENCHMARK,
      subject,
      metric: "CPU µs per call",
      value: cpu.median,
      spread: formatSpread(cpu),
      ratio: baselineCpu === undefined ? undefined : cpu.median / baselineCpu,
      note: `user + system CPU of its process in the same calls (steadier under load)${describeRatios(cpuMicrosPerCall)}`,
    });
    const rss = summarize(samples.map(rssMiB));
    rows.push({
      benchmark: BENCHMARK,
      subject,
      metric: "peak RSS MiB",
      value: rss.median,
      spread: formatSpread(rss),
      ratio: baselineRss === undefined ? undefined : rss.median / baselineRss,
      note: "maxRSS of its own process in the same runs (loading + warm-up + calls)",
    });
  }
  return rows;
}

function describe(subject: Subject): string {
  switch (subject) {
    case "raw fetch":
      return "fetch() + response.json(), the baseline";
    case "box-ts facade":
      return "client.getUserInfo()";
    case "box-ts api":
      return 'client.api.GET("/users/me")';
    case "box-node-sdk":
      return "client.users.getUserMe(), developer token, agent keepAlive: true";
  }
}

async function runWorker(worker: string, subject: Subject, server: BenchServer, calls: number, warmup: number, boxTsEntry: string): Promise<WorkerReport> {
  const stdout = await runNode([worker, subject, server.url, String(calls), String(warmup), boxTsEntry], WORKER_TIMEOUT_MS);
  const report: unknown = JSON.parse(stdout.trim().split("\n").at(-1) ?? "");
  if (!isWorkerReport(report) || report.subject !== subject || report.calls !== calls) {
    throw new Error(`unexpected worker output: ${stdout.slice(0, 200)}`);
  }
  return report;
}

/** The worker as one plain ESM file: no TypeScript loader in the measured process. */
async function bundleWorker(): Promise<string> {
  const outfile = join(freshWorkDir("per-call"), "worker.mjs");
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(root, "scripts", "bench", "per-call-worker.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    logLevel: "error",
  });
  return outfile;
}

export const perCall: Benchmark = {
  name: BENCHMARK,
  description:
    "BENCH_PER_CALL_CALLS (default 5,000) sequential getUserInfo calls over keep-alive against the local server: box-ts facade and client.api beside raw fetch (the ratio baseline) and box-node-sdk, each in its own process, BENCH_PER_CALL_ROUNDS (default 5) interleaved rounds; wall and CPU time per call and peak RSS.",
  run,
};
