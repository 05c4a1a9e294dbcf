import { defineConfig } from "vitest/config";

/**
 * The packaging suite (`npm run test:package`): it packs the published
 * tarball once, installs it into a fresh project, and runs it from Node (ESM
 * and CJS) and from headless Chromium against Prism. Kept out of the main run
 * because it builds and installs, which a quick `vitest` loop should not do.
 */
export default defineConfig({
  test: {
    include: ["test/package/**/*.test.ts"],
    globalSetup: ["test/package/support/packed-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
