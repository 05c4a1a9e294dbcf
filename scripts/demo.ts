/**
 * box.py's README example, run through the box-ts facade against a local Prism
 * mock started from our own OpenAPI document. Exits non-zero if any step fails.
 *
 *   npm run demo
 */
import { BoxClient } from "../src/index.js";
import { startPrism } from "./lib/prism.js";

const prism = await startPrism({ errors: true });
console.log(`Prism mock listening at ${prism.url}\n`);
const client = new BoxClient("demo-access-token", { baseUrl: prism.url, uploadUrl: prism.url, maxRetries: 0 });

let failures = 0;
async function step<T>(title: string, action: () => Promise<T>, show: (value: T) => string): Promise<T | undefined> {
  try {
    const value = await action();
    console.log(`ok   ${title}: ${show(value)}`);
    return value;
  } catch (error) {
    failures++;
    console.log(`FAIL ${title}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

try {
  const file = await step("upload hello.txt", () => client.uploadFile("hello.txt", "hello world"), (f) => `file ${f.id} "${f.name}"`);
  const fileId = file?.id ?? "12345";
  await step("download it", async () => (await client.downloadFile(fileId)).text(), (text) => JSON.stringify(text));
  await step("copy it as goodbye.txt", () => client.copyFile(fileId, { newFilename: "goodbye.txt" }), (f) => `file ${f.id}`);
  await step("delete it", () => client.deleteFile(fileId), () => "moved to the trash");
  await step("read the user", () => client.getUserInfo(), (u) => `${u.name} <${u.login}>`);
  await step(
    "list the root folder",
    () => client.getFolderContent("0"),
    (page) => page.entries.map((entry) => `${entry.type}:${entry.name}`).join(", "),
  );
} finally {
  await prism.stop();
}

console.log(failures === 0 ? "\nAll steps succeeded." : `\n${failures} step(s) failed.`);
process.exit(failures === 0 ? 0 : 1);
