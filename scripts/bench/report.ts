/** The table and the Markdown report of a benchmark run: pure formatting, no measuring. */
import { formatNumber } from "./stats.js";
import type { Benchmark, BenchRow } from "./types.js";

export interface BenchmarkResult {
  benchmark: Benchmark;
  rows: BenchRow[];
  error?: string;
  seconds: number;
}

const COLUMNS = ["benchmark", "subject", "metric", "median", "spread", "ratio", "note"] as const;
type Cells = Record<(typeof COLUMNS)[number], string>;

/** The table cells of one row; a row without a number (NaN) shows "n/a", its note says why. */
export function cellsOf(row: BenchRow): Cells {
  return {
    benchmark: row.benchmark,
    subject: row.subject,
    metric: row.metric,
    median: Number.isFinite(row.value) ? formatNumber(row.value) : "n/a",
    spread: row.spread ?? "",
    ratio: row.ratio !== undefined && Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}x` : "",
    note: row.note ?? "",
  };
}

export function tableRows(results: readonly BenchmarkResult[]): Cells[] {
  return results.flatMap((result) => {
    const rows = result.rows.map(cellsOf);
    if (result.error !== undefined) {
      rows.push({ benchmark: result.benchmark.name, subject: "-", metric: "error", median: "failed", spread: "", ratio: "", note: result.error });
    }
    return rows;
  });
}

/** A plain-text table with every column padded to its widest cell (numbers right-aligned). */
export function formatTable(rows: readonly Cells[]): string {
  const widths = COLUMNS.map((column) => Math.max(column.length, ...rows.map((row) => row[column].length)));
  const numeric = new Set<string>(["median", "ratio"]);
  const line = (cells: Cells | Record<string, string>) =>
    COLUMNS.map((column, index) => {
      const cell = cells[column] ?? "";
      const width = widths[index] ?? 0;
      return numeric.has(column) ? cell.padStart(width) : cell.padEnd(width);
    })
      .join("  ")
      .trimEnd();
  const header = Object.fromEntries(COLUMNS.map((column) => [column, column]));
  const rule = COLUMNS.map((_, index) => "-".repeat(widths[index] ?? 0)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The rows of one benchmark as the runner's table, for a benchmark run on its own. */
export function formatRows(rows: readonly BenchRow[]): string {
  return formatTable(rows.map(cellsOf));
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export interface Machine {
  node: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  loadAverage: string;
  date: string;
}

export function markdownReport(results: readonly BenchmarkResult[], machine: Machine, command: string, totalSeconds: number): string {
  const lines = [
    "# Benchmarks",
    "",
    `Written by \`${command}\` (scripts/bench/run.ts); run it again to refresh. All subjects of a benchmark are`,
    "measured in the same run on the same machine, interleaved; compare the ratios, not the absolute times,",
    "across machines. Median of the samples; the spread is the 10th to 90th percentile (n = samples).",
    "",
    "| Machine | |",
    "|---|---|",
    `| Date | ${machine.date} |`,
    `| Node | ${machine.node} |`,
    `| CPU | ${markdownCell(machine.cpu)}, ${machine.cores} cores |`,
    `| Memory | ${machine.memoryGiB.toFixed(1)} GiB |`,
    `| OS | ${machine.os} |`,
    `| Load average at start (1, 5, 15 min) | ${machine.loadAverage} |`,
    `| Total duration | ${totalSeconds.toFixed(1)} s |`,
    "",
  ];
  for (const result of results) {
    lines.push(`## ${result.benchmark.name}`, "", result.benchmark.description, "", `Took ${result.seconds.toFixed(1)} s.`, "");
    lines.push("| subject | metric | median | spread | ratio | note |", "|---|---|--:|---|--:|---|");
    for (const cells of tableRows([result])) {
      lines.push(`| ${[cells.subject, cells.metric, cells.median, cells.spread, cells.ratio, cells.note].map(markdownCell).join(" | ")} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

/** The benchmarks `--only` names, in registration order; an unknown name is an error, not an empty run. */
export function selectBenchmarks(all: readonly Benchmark[], only: string | undefined): Benchmark[] {
  if (only === undefined) return [...all];
  const wanted = only
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  const unknown = wanted.filter((name) => !all.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new Error(`unknown benchmark(s): ${unknown.join(", ") || "(none given)"}; known: ${all.map((benchmark) => benchmark.name).join(", ")}`);
  }
  return all.filter((benchmark) => wanted.includes(benchmark.name));
}
