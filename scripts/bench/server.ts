import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/**
 * A small Box-look-alike HTTP server on 127.0.0.1 for benchmarks: it answers
 * the few endpoints a benchmark calls with fixed, realistic bodies, as fast as
 * node:http can, so what a benchmark measures is the client, not the server.
 * Not a mock of Box's behaviour (that is Prism's job in the contract tests).
 *
 * Paths follow Box's hosts: the API under `/2.0` (box-ts `baseUrl` =
 * `server.apiUrl`, box-node-sdk `baseUrl` = `server.url`), uploads under
 * `/api/2.0` (`server.uploadUrl`).
 */
export interface BenchServer {
  /** http://127.0.0.1:<port>, no path. */
  url: string;
  /** `${url}/2.0`: the API base URL as box-ts expects it. */
  apiUrl: string;
  /** `${url}/api/2.0`: the upload base URL as box-ts expects it. */
  uploadUrl: string;
  /** Requests answered so far (any route, any status): lets a benchmark check every call reached the server. */
  readonly requests: number;
  /** TCP connections accepted so far: with keep-alive, a sequential client opens one. */
  readonly connections: number;
  close(): Promise<void>;
}

/** One extra endpoint; `path` is matched against the URL path without the query. */
export interface BenchRoute {
  method: string;
  path: string | RegExp;
  handle(request: IncomingMessage, response: ServerResponse, match: RegExpMatchArray | null): void | Promise<void>;
}

export interface BenchServerOptions {
  /**
   * Tried before the built-in routes, in order, so a benchmark can add or
   * override endpoints. They check credentials themselves (a token endpoint
   * takes none); the built-in routes want a bearer token.
   */
  routes?: readonly BenchRoute[];
  /** Built-in routes answer 401 to requests without `Authorization: Bearer ...` (default true), as Box does. */
  requireAuth?: boolean;
}

export const BENCH_USER = {
  type: "user",
  id: "11446498",
  name: "Aaron Levie",
  login: "ceo@example.com",
  created_at: "2012-12-12T10:53:43-08:00",
  modified_at: "2012-12-12T10:53:43-08:00",
  language: "en",
  timezone: "Africa/Bujumbura",
  space_amount: 11345156112,
  space_used: 1237009912,
  max_upload_size: 2147483648,
  status: "active",
  job_title: "CEO",
  phone: "6509241374",
  address: "900 Jefferson Ave, Redwood City, CA 94063",
  avatar_url: "https://www.box.com/api/avatar/large/181216415",
} as const;

const mini = (id: string, name: string) => ({ type: "folder", id, sequence_id: null, etag: null, name });
const owner = { type: "user", id: BENCH_USER.id, name: BENCH_USER.name, login: BENCH_USER.login };

function fileBody(id: string) {
  return {
    type: "file",
    id,
    etag: "1",
    sequence_id: "3",
    name: "hello.txt",
    sha1: "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed",
    file_version: { type: "file_version", id: "67890", sha1: "2aae6c35c94fcfb415dbe95f408b9ce91ee846ed" },
    description: "",
    size: 11,
    path_collection: { total_count: 1, entries: [mini("0", "All Files")] },
    created_at: "2012-12-12T10:53:43-08:00",
    modified_at: "2012-12-12T10:53:43-08:00",
    trashed_at: null,
    purged_at: null,
    content_created_at: "2012-12-12T10:53:43-08:00",
    content_modified_at: "2012-12-12T10:53:43-08:00",
    created_by: owner,
    modified_by: owner,
    owned_by: owner,
    shared_link: null,
    parent: mini("0", "All Files"),
    item_status: "active",
  };
}

function folderBody(id: string) {
  return {
    ...fileBody(id),
    type: "folder",
    name: id === "0" ? "All Files" : "Documents",
    file_version: undefined,
    sha1: undefined,
    item_collection: { total_count: 0, entries: [], offset: 0, limit: 100, order: [] },
  };
}

/** Reads a request body whole (benchmark bodies are small: token forms, JSON). */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** Writes a JSON body with a correct Content-Length (no chunked encoding, as Box answers small bodies). */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const payload = Buffer.from(JSON.stringify(body));
  response.writeHead(status, { "content-type": "application/json", "content-length": payload.length, "box-request-id": "bench" });
  response.end(payload);
}

function boxError(response: ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { type: "error", status, code, message, request_id: "bench" });
}

const builtInRoutes: readonly BenchRoute[] = [
  { method: "GET", path: "/2.0/users/me", handle: (_req, res) => sendJson(res, 200, BENCH_USER) },
  { method: "GET", path: /^\/2\.0\/users\/(\d+)$/, handle: (_req, res, m) => sendJson(res, 200, { ...BENCH_USER, id: m?.[1] ?? BENCH_USER.id }) },
  { method: "GET", path: /^\/2\.0\/files\/(\d+)$/, handle: (_req, res, m) => sendJson(res, 200, fileBody(m?.[1] ?? "12345")) },
  { method: "GET", path: /^\/2\.0\/folders\/(\d+)$/, handle: (_req, res, m) => sendJson(res, 200, folderBody(m?.[1] ?? "0")) },
];

function matchRoute(route: BenchRoute, method: string, path: string): RegExpMatchArray | null | false {
  if (route.method !== method) return false;
  if (typeof route.path === "string") return route.path === path ? null : false;
  return path.match(route.path) ?? false;
}

/** Starts the server on 127.0.0.1 on a free port. Close it when done: it keeps idle keep-alive sockets open. */
export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const extraRoutes = options.routes ?? [];
  const requireAuth = options.requireAuth ?? true;
  let requests = 0;
  let connections = 0;

  const server = createServer((request, response) => {
    requests += 1;
    const method = request.method ?? "GET";
    const path = (request.url ?? "/").split("?", 1)[0] ?? "/";
    const dispatch = (routes: readonly BenchRoute[]) => {
      for (const route of routes) {
        const match = matchRoute(route, method, path);
        if (match === false) continue;
        Promise.resolve(route.handle(request, response, match)).catch((error: unknown) => {
          if (!response.headersSent) boxError(response, 500, "internal_server_error", String(error));
          else response.destroy();
        });
        return true;
      }
      return false;
    };
    if (dispatch(extraRoutes)) return;
    request.resume();
    if (requireAuth && !/^Bearer \S+/.test(request.headers.authorization ?? "")) {
      boxError(response, 401, "unauthorized", "The request carries no access token.");
      return;
    }
    if (dispatch(builtInRoutes)) return;
    boxError(response, 404, "not_found", `No benchmark route for ${method} ${path}`);
  });
  server.on("connection", () => {
    connections += 1;
  });
  // Keep idle client connections open between calls, as a real API does for minutes.
  server.keepAliveTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the benchmark server has no TCP address");
  const url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    apiUrl: `${url}/2.0`,
    uploadUrl: `${url}/api/2.0`,
    get requests() {
      return requests;
    },
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
