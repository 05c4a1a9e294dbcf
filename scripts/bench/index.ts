import type { Benchmark } from "./types.js";

/** Every benchmark `npm run bench` runs, in order. Add new ones here. */
export const benchmarks: Benchmark[] = [];

// Issue #4: refresh storm and Retry-After against box-node-sdk.
import { refreshBenchmark } from "./refresh.js";
benchmarks.push(refreshBenchmark);
