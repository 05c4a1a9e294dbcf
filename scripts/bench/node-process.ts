import { spawn, spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { root } from "./artifacts.js";

/**
 * The environment for measured Node processes: the parent's, minus anything
 * that would preload code into the child (the runner itself runs under tsx).
 */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}

export interface TimedRun {
  /** Wall time from spawn to exit, in ms. */
  ms: number;
  stdout: string;
}

/** Runs `node ...args` to completion and times it; throws with the child's stderr when it fails. */
export function timeNodeSync(args: readonly string[]): TimedRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, env: childEnv(), encoding: "utf8" });
  const ms = performance.now() - start;
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status}: ${lastLines(result.stderr)}`);
  return { ms, stdout: result.stdout };
}

/**
 * Runs `node ...args` without blocking this process's event loop (a benchmark
 * server may be answering the child from here) and returns its stdout.
 */
export function runNode(args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(stdout);
      else reject(new Error(`node ${args.join(" ")} ${signal ? `was killed (${signal}, timeout ${timeoutMs} ms)` : `exited with ${code}`}: ${lastLines(stderr)}`));
    });
  });
}

function lastLines(text: string): string {
  return text.trim().split("\n").slice(-3).join(" | ") || "(no stderr)";
}

/** A positive integer from the environment, or the default; a bad value is an error, not a silent default. */
export function envInteger(name: string, fallback: number, minimum = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be an integer >= ${minimum}, got "${raw}"`);
  return value;
}
