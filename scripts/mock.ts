/**
 * A long-running Prism mock of our OpenAPI document, for pointing an app at.
 *
 *   npm run mock               # port 4010
 *   npm run mock -- --port 5000
 */
import { parseArgs } from "node:util";
import { startPrism } from "./lib/prism.js";

const { values } = parseArgs({ options: { port: { type: "string", default: "4010" } } });
const prism = await startPrism({ port: Number(values.port) });
console.log(`Box mock listening at ${prism.url}`);
console.log(`Point a client at it: new BoxClient("any-token", { baseUrl: "${prism.url}", uploadUrl: "${prism.url}" })`);
console.log("Press Ctrl+C to stop.");
const stop = async () => {
  await prism.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
