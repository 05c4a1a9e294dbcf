/**
 * One subject of the per-call benchmark, run in its own Node process (bundled
 * to plain JavaScript by per-call.ts, so no TypeScript loader sits in the
 * process): makes warm-up calls, then times `calls` sequential
 * GET /2.0/users/me calls, and prints one JSON line with the wall and CPU
 * time and the process's peak RSS.
 *
 * argv: <subject> <server url> <calls> <warm-up calls> <box-ts ESM entry file>
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

import { EXPECTED_LOGIN, SUBJECTS, type Subject, type WorkerReport } from "./per-call-protocol.js";

const TOKEN = "bench-developer-token";

type Call = () => Promise<string | undefined>;

async function callFor(subject: Subject, serverUrl: string, boxTsEntry: string): Promise<Call> {
  switch (subject) {
    case "raw fetch": {
      const url = `${serverUrl}/2.0/users/me`;
      const init = { headers: { authorization: `Bearer ${TOKEN}` } };
      return async () => {
        const response = await fetch(url, init);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body: unknown = await response.json();
        return typeof body === "object" && body !== null && "login" in body && typeof body.login === "string" ? body.login : undefined;
      };
    }
    case "box-ts facade":
    case "box-ts api": {
      const boxTs: typeof import("../../src/index.js") = await import(pathToFileURL(boxTsEntry).href);
      const client = new boxTs.BoxClient(TOKEN, { baseUrl: `${serverUrl}/2.0`, uploadUrl: `${serverUrl}/api/2.0` });
      if (subject === "box-ts facade") return async () => (await client.getUserInfo()).login;
      return async () => {
        const { data, error } = await client.api.GET("/users/me");
        if (error) throw new Error(`Box error ${JSON.stringify(error)}`);
        return data?.login;
      };
    }
    case "box-node-sdk": {
      const sdk: typeof import("box-node-sdk") = await import("box-node-sdk");
      const client = new sdk.BoxClient({ auth: new sdk.BoxDeveloperTokenAuth({ token: TOKEN }) })
        .withCustomBaseUrls({ baseUrl: serverUrl, uploadUrl: `${serverUrl}/api`, oauth2Url: `${serverUrl}/oauth2` })
        // Its default agent does not keep connections alive; the benchmark compares warm connections.
        .withCustomAgentOptions({ keepAlive: true });
      return async () => (await client.users.getUserMe()).login;
    }
  }
}

function isSubject(value: string | undefined): value is Subject {
  return SUBJECTS.some((subject) => subject === value);
}

async function main(): Promise<void> {
  const [subject, serverUrl, callsArg, warmupArg, boxTsEntry = ""] = process.argv.slice(2);
  const calls = Number(callsArg);
  const warmup = Number(warmupArg);
  if (!isSubject(subject) || !serverUrl || !(calls > 0) || !(warmup >= 0)) {
    throw new Error(`usage: per-call-worker <${SUBJECTS.join("|")}> <server url> <calls> <warm-up calls> <box-ts entry>`);
  }
  const call = await callFor(subject, serverUrl, boxTsEntry);
  const check = (login: string | undefined) => {
    // A subject that answers without the body it was asked for must not produce a number.
    if (login !== EXPECTED_LOGIN) throw new Error(`${subject} returned login ${JSON.stringify(login)}`);
  };
  for (let i = 0; i < warmup; i += 1) check(await call());
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < calls; i += 1) check(await call());
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const report: WorkerReport = { subject, calls, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKiB: process.resourceUsage().maxRSS };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
