/**
 * `npm run bench`: runs every registered benchmark (scripts/bench/index.ts),
 * prints one table of their rows, and writes it to BENCHMARKS.md.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { benchmarks } from "./index.js";
import { formatRows } from "./table.js";
import type { BenchRow } from "./types.js";

const rows: BenchRow[] = [];
for (const benchmark of benchmarks) {
  console.error(`running ${benchmark.name}: ${benchmark.description}`);
  rows.push(...(await benchmark.run()));
}
const table = formatRows(rows);
console.log(table);
const descriptions = benchmarks.map((benchmark) => `- **${benchmark.name}**: ${benchmark.description}`).join("\n");
await writeFile(
  fileURLToPath(new URL("../../BENCHMARKS.md", import.meta.url)),
  `# Benchmarks\n\nWritten by \`npm run bench\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}).\n\n${descriptions}\n\n${table}\n`,
);
