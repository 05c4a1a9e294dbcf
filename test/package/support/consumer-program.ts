/**
 * The program a consumer of the published package runs, in either module
 * system. Only the first lines differ: `import` for ESM, `require` for CJS;
 * the rest exercises the facade, `client.api`, error classes and "box-ts/node"
 * against Prism, and prints what it saw as one JSON line.
 */
export type ModuleSystem = "esm" | "cjs";

const imports: Record<ModuleSystem, string> = {
  esm: `import { BoxClient, BoxValidationError, ItemDoesNotExistError } from "box-ts";
import { openFile } from "box-ts/node";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
const resolvedFrom = import.meta.resolve("box-ts");`,
  cjs: `const { BoxClient, BoxValidationError, ItemDoesNotExistError } = require("box-ts");
const { openFile } = require("box-ts/node");
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const resolvedFrom = require.resolve("box-ts");`,
};

const body = `
async function main() {
  const baseUrl = process.env.PRISM_URL;
  const client = new BoxClient("package-test-token", { baseUrl, uploadUrl: baseUrl, maxRetries: 0 });
  const me = await client.getUserInfo();
  const root = await client.getFolderContent("0");
  const uploaded = await client.uploadFile("hello.txt", "hello world");
  const { data: apiUser } = await client.api.GET("/users/me");

  const askFor404 = (request) => {
    request.headers.set("prefer", "code=404");
    return fetch(request);
  };
  const missing = new BoxClient("package-test-token", { baseUrl, maxRetries: 0, fetch: askFor404 });
  const notFound = await missing.getFileMetadata("12345").then(() => null, (error) => ({
    isItemDoesNotExistError: error instanceof ItemDoesNotExistError,
    status: error.status,
    code: error.code,
  }));

  // The working directory is the throwaway consumer project, removed after the run.
  const path = join(process.cwd(), "note.txt");
  writeFileSync(path, "from disk");
  const opened = await openFile(path);
  const openedText = await new Response(opened.stream).text();
  const helperErrorIsCoreClass = await openFile("").then(() => false, (error) => error instanceof BoxValidationError);

  console.log(JSON.stringify({
    resolvedFrom: String(resolvedFrom),
    userName: me.name,
    apiUserName: apiUser && apiUser.name,
    rootEntryNames: root.entries.map((entry) => entry.name),
    uploadedName: uploaded.name,
    notFound,
    opened: { name: opened.name, size: opened.size, text: openedText },
    helperErrorIsCoreClass,
  }));
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

export function consumerProgram(system: ModuleSystem): string {
  return `${imports[system]}\n${body}`;
}
