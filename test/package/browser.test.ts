import { createServer, type Server } from "node:http";
import { writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pageHtml, pageScript } from "./support/browser-page.js";
import { launchChromium, type HeadlessChromium } from "./support/chromium.js";
import { expected } from "./support/spec-examples.js";

const consumerDir = inject("consumerDir");
const prismUrl = inject("prismUrl");

let bundle: string;
let bundledInputs: string[];
let server: Server;
let pageOrigin: string;
let browser: HeadlessChromium;

/**
 * Bundles the page for browsers from the fresh project, so "box-ts" is the
 * installed tarball. For platform "browser" esbuild fails on any Node built-in.
 */
async function bundlePage(): Promise<{ code: string; inputs: string[] }> {
  const entry = join(consumerDir, "page.mjs");
  await writeFile(entry, pageScript);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: consumerDir,
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
    metafile: true,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild wrote no bundle");
  return { code: output.text, inputs: Object.keys(result.metafile.inputs) };
}

/** Serves the page and its bundle from 127.0.0.1; Prism is another origin, so every call is a CORS call. */
function servePage(): Promise<string> {
  server = createServer((request, response) => {
    if (request.url === "/page.js") {
      response.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
    } else if (request.url?.startsWith("/?")) {
      response.writeHead(200, { "content-type": "text/html" }).end(pageHtml);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

beforeAll(async () => {
  ({ code: bundle, inputs: bundledInputs } = await bundlePage());
  pageOrigin = await servePage();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("box-ts in headless Chromium", () => {
  it("bundles for browsers from the tarball's ESM build, with openapi-fetch and nothing of Node", () => {
    expect(bundledInputs).toContain("node_modules/box-ts/dist/index.js");
    expect(bundledInputs).toContain("node_modules/openapi-fetch/dist/index.mjs");
    expect(bundledInputs.filter((input) => input.startsWith("node:") || input.includes("box-ts/dist/node/"))).toEqual([]);
  });

  it("calls Prism cross-origin from a page: facade, client.api, upload and a typed 404", async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(`${pageOrigin}/?prism=${encodeURIComponent(prismUrl)}`);
    const output = page.locator("#result[data-state]");
    await output.waitFor({ timeout: 30_000 });
    const result: unknown = JSON.parse((await output.textContent()) ?? "null");

    expect(pageErrors).toEqual([]);
    expect(result).toEqual({
      userName: expected.userName,
      apiUserName: expected.userName,
      rootEntryNames: expected.rootEntryNames,
      uploadedName: expected.uploadedName,
      notFound: { isItemDoesNotExistError: true, status: 404 },
    });
  });
});
