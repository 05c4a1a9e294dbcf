import type { Benchmark } from "./types.js";
import { sizeBenchmark } from "./size.js";

/** Every benchmark `npm run bench` runs, in order. Add new ones here. */
export const benchmarks: Benchmark[] = [
  sizeBenchmark,
];
