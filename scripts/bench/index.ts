import type { Benchmark } from "./types.js";
import { transfersBenchmark } from "./transfers.js";

/** Every benchmark `npm run bench` runs, in order. Add new ones here. */
export const benchmarks: Benchmark[] = [
  transfersBenchmark,
];
