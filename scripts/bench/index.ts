import type { Benchmark } from "./types.js";
import { eventsFailureRate } from "./events-failure-rate.js";

/** Every benchmark `npm run bench` runs, in order. Add new ones here. */
export const benchmarks: Benchmark[] = [
  eventsFailureRate,
];
