import type { BenchRow } from "./types.js";

/** Renders rows as one Markdown table (the same text goes to the terminal and to BENCHMARKS.md). */
export function formatRows(rows: readonly BenchRow[]): string {
  const header = ["benchmark", "subject", "metric", "value", "ratio", "spread", "note"];
  const lines = rows.map((row) => [
    row.benchmark,
    row.subject,
    row.metric,
    formatNumber(row.value),
    row.ratio === undefined ? "" : `${row.ratio.toFixed(2)}x`,
    row.spread ?? "",
    row.note ?? "",
  ]);
  return [header, header.map(() => "---"), ...lines].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toFixed(2);
}
