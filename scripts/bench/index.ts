import type { Benchmark } from "./types.js";
import { eventsFailureRate } from "./events-failure-rate.js";
import { refreshBenchmark } from "./refresh.js";

/** Every benchmark `npm run bench` runs, in order. Add new ones here. */
export const benchmarks: Benchmark[] = [
  // Issue #4: refresh storm and Retry-After against box-node-sdk.
  refreshBenchmark,
  // Issue #6: request rate of a long poll against a persistent failure.
  eventsFailureRate,
];
