import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Debian's Chromium; .ci/run installs it with apt-get. playwright-core never downloads a browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags this machine needs: no sandbox (root in a container), no GPU, and no traffic of Chromium's own. */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface HeadlessChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts headless Chromium with a fresh profile directory, removed again on close. */
export async function launchChromium(): Promise<HeadlessChromium> {
  await access(CHROMIUM_PATH).catch(() => {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does`);
  });
  const userDataDir = await mkdtemp(join(tmpdir(), "box-ts-chromium-"));
  // launchPersistentContext is Playwright's way to pass --user-data-dir.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
