import { describe, expect, it } from "vitest";
import { formatTable, markdownReport, selectBenchmarks, tableRows, type BenchmarkResult } from "../../scripts/bench/report.js";
import type { Benchmark } from "../../scripts/bench/types.js";

const bench = (name: string): Benchmark => ({ name, description: `${name} description`, run: async () => [] });
const coldStart = bench("cold-start");
const perCall = bench("per-call");

const ok: BenchmarkResult = {
  benchmark: perCall,
  seconds: 1,
  rows: [
    { benchmark: "per-call", subject: "raw fetch", metric: "µs per call", value: 100, spread: "p10-p90 90.0-110 (n=5)", ratio: 1, note: "baseline" },
    { benchmark: "per-call", subject: "box-ts facade", metric: "µs per call", value: 108.26, ratio: 1.0826 },
    { benchmark: "per-call", subject: "box-node-sdk", metric: "µs per call", value: Number.NaN, note: "failed: ECONNRESET" },
  ],
};
const failed: BenchmarkResult = { benchmark: coldStart, seconds: 2, rows: [], error: "esbuild | exploded" };

describe("benchmark report", () => {
  it("keeps the registration order and rejects unknown names in --only", () => {
    expect(selectBenchmarks([coldStart, perCall], "per-call, cold-start").map((b) => b.name)).toEqual(["cold-start", "per-call"]);
    expect(selectBenchmarks([coldStart, perCall], undefined)).toHaveLength(2);
    expect(() => selectBenchmarks([coldStart, perCall], "cold-start,typo")).toThrow(/unknown benchmark\(s\): typo; known: cold-start, per-call/);
    expect(() => selectBenchmarks([coldStart, perCall], ",")).toThrow(/unknown benchmark/);
  });

  it("shows a failed benchmark as an error row and a row without a number as n/a", () => {
    const rows = tableRows([failed, ok]);
    expect(rows[0]).toMatchObject({ benchmark: "cold-start", metric: "error", median: "failed", note: "esbuild | exploded" });
    expect(rows[3]).toMatchObject({ subject: "box-node-sdk", median: "n/a", ratio: "", note: "failed: ECONNRESET" });
    expect(rows[2]).toMatchObject({ median: "108", ratio: "1.08x" });
  });

  it("pads every column to its widest cell so the columns line up", () => {
    const lines = formatTable(tableRows([ok])).split("\n");
    expect(lines[0]).toMatch(/^benchmark\s+subject\s+metric\s+median\s+spread\s+ratio\s+note$/);
    const ratioEnd = (lines[0] ?? "").indexOf("ratio") + "ratio".length;
    expect(lines.slice(2).map((line) => line.slice(ratioEnd - 5, ratioEnd))).toEqual(["1.00x", "1.08x", "     "]);
  });

  it("writes the machine, one section per benchmark and escapes pipes in Markdown cells", () => {
    const machine = { node: "v20.0.0", cpu: "Test CPU", cores: 2, memoryGiB: 4, os: "Linux", loadAverage: "0.00 0.00 0.00", date: "2026-01-01T00:00:00.000Z" };
    const markdown = markdownReport([failed, ok], machine, "npm run bench", 3);
    expect(markdown).toContain("| CPU | Test CPU, 2 cores |");
    expect(markdown).toContain("## cold-start");
    expect(markdown).toContain("| - | error | failed |  |  | esbuild \\| exploded |");
    expect(markdown).toContain("| box-ts facade | µs per call | 108 |  | 1.08x |  |");
  });
});
