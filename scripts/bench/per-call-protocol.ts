/** What per-call.ts and its worker processes agree on. */
import { BENCH_USER } from "./server.js";

/** The subjects, raw fetch first: it is the baseline of every ratio. */
export const SUBJECTS = ["raw fetch", "box-ts facade", "box-ts api", "box-node-sdk"] as const;
export type Subject = (typeof SUBJECTS)[number];

/** The login of the benchmark server's user: every call checks it got this user back. */
export const EXPECTED_LOGIN: string = BENCH_USER.login;

/** The one JSON line a worker prints when it finishes. */
export interface WorkerReport {
  subject: Subject;
  calls: number;
  /** Wall time of the timed calls (warm-up excluded). */
  ms: number;
  /** CPU time (user + system, all threads) of the process during the timed calls: what the client itself costs, barely touched by other load on the machine. */
  cpuMs: number;
  /** Peak RSS of the worker process, warm-up and module loading included. */
  maxRssKiB: number;
}

export function isWorkerReport(value: unknown): value is WorkerReport {
  if (typeof value !== "object" || value === null) return false;
  const record: Record<string, unknown> = { ...value };
  return (
    SUBJECTS.some((subject) => subject === record.subject) &&
    typeof record.calls === "number" &&
    typeof record.ms === "number" &&
    typeof record.cpuMs === "number" &&
    typeof record.maxRssKiB === "number"
  );
}
