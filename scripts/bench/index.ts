import type { Benchmark } from "./types.js";
import { coldStart } from "./cold-start.js";
import { perCall } from "./per-call.js";

/** Every benchmark `npm run bench` runs, in order. Add new ones here. */
export const benchmarks: Benchmark[] = [];
benchmarks.push(coldStart, perCall);
