import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The packaging suite builds and installs the tarball; it has its own config (vitest.package.config.ts).
    exclude: [...configDefaults.exclude, "test/package/**"],
    // Prism starts once per run and is shared by every contract test file.
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
