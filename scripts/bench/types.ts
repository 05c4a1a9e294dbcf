/**
 * The shape every benchmark module plugs into `npm run bench` with.
 * A benchmark measures box-ts and its comparison subjects side by side in one
 * run (interleaved where it can), and reports rows; the runner prints them as
 * one table and writes BENCHMARKS.md. Timing never decides a test.
 */
export interface BenchRow {
  /** Which benchmark, e.g. "cold import (ESM)". */
  benchmark: string;
  /** What was measured: "box-ts", "box-ts api", "raw fetch", "box-node-sdk", ... */
  subject: string;
  /** What the number is, e.g. "median ms", "peak RSS MiB", "token requests". */
  metric: string;
  value: number;
  /** Spread of the samples, e.g. "p10-p90 1.2-1.6", when there are samples. */
  spread?: string;
  /** value / baseline value, when the benchmark has a baseline (raw fetch, usually). */
  ratio?: number;
  /** Inputs and anything a reader needs to interpret the row. */
  note?: string;
}

export interface Benchmark {
  name: string;
  /** One sentence on what it measures and with which inputs. */
  description: string;
  run(): Promise<BenchRow[]>;
}
