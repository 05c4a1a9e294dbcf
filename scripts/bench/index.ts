import type { Benchmark } from "./types.js";
import { coldStart } from "./cold-start.js";
import { eventsFailureRate } from "./events-failure-rate.js";
import { perCall } from "./per-call.js";
import { refreshBenchmark } from "./refresh.js";
import { sizeBenchmark } from "./size.js";
import { transfersBenchmark } from "./transfers.js";

/** Every benchmark `npm run bench` runs, in order. Add new ones here. */
export const benchmarks: Benchmark[] = [
  // Issue #9: import time and per-call overhead against raw fetch and box-node-sdk.
  coldStart,
  perCall,
  // Issue #8: bundle, install and dependency size against box-node-sdk.
  sizeBenchmark,
  // Issue #4: refresh storm and Retry-After against box-node-sdk.
  refreshBenchmark,
  // Issue #6: request rate of a long poll against a persistent failure.
  eventsFailureRate,
  // Issue #5: chunked, simple and download transfers against raw fetch and box-node-sdk.
  transfersBenchmark,
];
