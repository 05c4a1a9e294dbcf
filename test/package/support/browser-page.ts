/**
 * The page the browser test bundles: it imports "box-ts" as an app would
 * (resolved from the installed tarball), calls Prism cross-origin, and writes
 * what it saw as JSON into <pre id="result" data-state="done|failed">.
 */
export const pageScript = `
import { BoxClient, ItemDoesNotExistError } from "box-ts";

async function checks(baseUrl) {
  const client = new BoxClient("browser-test-token", { baseUrl, uploadUrl: baseUrl, maxRetries: 0 });
  const me = await client.getUserInfo();
  const root = await client.getFolderContent("0");
  const uploaded = await client.uploadFile("hello.txt", "hello from a browser");
  const { data: apiUser } = await client.api.GET("/users/me");
  const askFor404 = (request) => {
    request.headers.set("prefer", "code=404");
    return fetch(request);
  };
  const missing = new BoxClient("browser-test-token", { baseUrl, maxRetries: 0, fetch: askFor404 });
  const notFound = await missing.getFileMetadata("12345").then(() => null, (error) => ({
    isItemDoesNotExistError: error instanceof ItemDoesNotExistError,
    status: error.status,
  }));
  return {
    userName: me.name,
    apiUserName: apiUser && apiUser.name,
    rootEntryNames: root.entries.map((entry) => entry.name),
    uploadedName: uploaded.name,
    notFound,
  };
}

const output = document.getElementById("result");
const baseUrl = new URLSearchParams(location.search).get("prism");
checks(baseUrl).then(
  (result) => {
    output.textContent = JSON.stringify(result);
    output.dataset.state = "done";
  },
  (error) => {
    output.textContent = JSON.stringify({ error: String(error && error.stack || error) });
    output.dataset.state = "failed";
  },
);
`;

export const pageHtml = `<!doctype html>
<html>
  <head><meta charset="utf-8"><title>box-ts in a browser</title></head>
  <body>
    <pre id="result"></pre>
    <script type="module" src="/page.js"></script>
  </body>
</html>
`;
