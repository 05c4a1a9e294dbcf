import { defineConfig } from "tsup";

/**
 * The published build: ESM (.js) and CJS (.cjs) for both entries, each with
 * bundled declarations (.d.ts / .d.cts) so the generated API types travel
 * with them. Code shared by "." and "./node" (the error classes) lives in
 * shared chunks, so `instanceof BoxValidationError` works across entries.
 */
export default defineConfig({
  entry: { index: "src/index.ts", "node/index": "src/node/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  splitting: true,
  treeshake: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  outDir: "dist",
  sourcemap: false,
  // Keep `node:` specifiers: Deno, Bun and bundlers read them as "Node built-in" without guessing.
  removeNodeProtocol: false,
  // Only "./node" imports them; the core check (test/unit/core-is-runtime-neutral) keeps "." free of them.
  external: [/^node:/],
});
