import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const require = createRequire(import.meta.url);

export interface PrismServer {
  /** The mock's base URL, e.g. http://127.0.0.1:4010 (no path: Prism serves every operation at its spec path). */
  url: string;
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Make response and example violations fatal (`--errors`), as the contract tests need. */
  errors?: boolean;
  /** How long to wait for "Prism is listening", in ms. */
  startupTimeoutMs?: number;
}

/**
 * Starts Prism as a child process on 127.0.0.1, serving the bundled document
 * in generated/. A watchdog preloaded into the child ends it if this process dies.
 */
export async function startPrism(options: PrismOptions = {}): Promise<PrismServer> {
  const cli = join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js");
  const spec = join(root, "generated", "openapi.json");
  const args = [
    "--require",
    join(root, "scripts", "lib", "watchdog.cjs"),
    cli,
    "mock",
    spec,
    "-h",
    "127.0.0.1",
    "-p",
    String(options.port ?? 0),
    ...(options.errors ? ["--errors"] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, BOX_TS_WATCHDOG_PARENT: String(process.pid), FORCE_COLOR: "0", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await waitForListening(child, options.startupTimeoutMs ?? 30_000);
  return {
    url,
    stop: () => stopChild(child),
  };
}

function waitForListening(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`Prism did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Prism is listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        // Keep draining output so the child never blocks on a full pipe.
        child.stdout?.resume();
        child.stderr?.resume();
        resolvePromise(match[1].replace(/\/$/, ""));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with code ${code} before listening:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(force);
      resolvePromise();
    });
    child.kill("SIGTERM");
  });
}
