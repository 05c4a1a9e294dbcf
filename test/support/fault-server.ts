import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/**
 * A local stand-in for Box (127.0.0.1 only) that behaves like the real thing
 * where it matters for reliability, and misbehaves on demand:
 *
 * - `POST /oauth2/token` rotates single-use refresh tokens: each refresh
 *   issues a new pair and voids the refresh token used, so a second refresh
 *   with the same token is `invalid_grant`, exactly as Box answers.
 * - every other path answers 200 JSON to the current access token and 401
 *   (empty body, `WWW-Authenticate`) to anything else.
 * - `enqueue(path, ...faults)` makes the next requests to a path answer a
 *   given status and headers, reset the connection, or stall until aborted.
 */
export type Fault =
  | { status: number; headers?: Record<string, string>; body?: string; /** Send `body`, then never end the response. */ hang?: boolean }
  | { reset: true }
  | { stall: true };

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** Bytes of body received (after reading it whole). */
  bodyBytes: number;
  form?: URLSearchParams;
  /** Arrival time (performance.now(), so fake clocks do not touch it). */
  at: number;
}

export interface FaultServerOptions {
  clientId?: string;
  clientSecret?: string;
  /** The access and refresh tokens valid at start. */
  accessToken?: string;
  refreshToken?: string;
  /** Extra delay before the token endpoint answers, so concurrent callers overlap. */
  tokenDelayMs?: number;
  /** expires_in sent with new tokens, in seconds. */
  expiresIn?: number;
}

export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  /** Requests to the token endpoint (each one a refresh or code exchange attempt). */
  tokenRequests(): RecordedRequest[];
  /** Requests to `path` (token endpoint excluded unless asked). */
  requestsTo(path: string): RecordedRequest[];
  /** The access token the server accepts now. */
  currentAccessToken(): string;
  currentRefreshToken(): string;
  /** Makes every valid token stop working, as if it expired (refresh tokens stay valid). */
  expireAccessToken(): void;
  /** Answers the next requests to `path` with these faults, in order. */
  enqueue(path: string, ...faults: Fault[]): void;
  /**
   * Rate-limits `path` for `windowMs` from now, as Box does: every request in
   * the window gets 429 with `Retry-After` set to the seconds left.
   */
  rateLimit(path: string, windowMs: number): void;
  /** Resolves once `count` requests (token endpoint included) have arrived. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const clientId = options.clientId ?? "fault-client-id";
  const clientSecret = options.clientSecret ?? "fault-client-secret";
  let generation = 0;
  let accessToken: string | undefined = options.accessToken ?? "access-0";
  let refreshToken = options.refreshToken ?? "refresh-0";
  const requests: RecordedRequest[] = [];
  const queues = new Map<string, Fault[]>();
  const rateLimits = new Map<string, number>();
  const sockets = new Set<Socket>();
  const stalled = new Set<ServerResponse>();
  const arrivals = new EventEmitter();

  const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    let readFailed = false;
    try {
      for await (const chunk of request) chunks.push(Buffer.from(chunk));
    } catch {
      readFailed = true;
    }
    const body = Buffer.concat(chunks);
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const isForm = (request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
    const record: RecordedRequest = {
      method: request.method ?? "GET",
      path,
      authorization: request.headers.authorization,
      bodyBytes: body.length,
      at: performance.now(),
      ...(isForm ? { form: new URLSearchParams(body.toString("utf8")) } : {}),
    };
    requests.push(record);
    arrivals.emit("request");
    if (readFailed) return;

    const limitedUntil = rateLimits.get(path);
    if (limitedUntil !== undefined && record.at < limitedUntil) {
      const seconds = Math.max(1, Math.ceil((limitedUntil - record.at) / 1000));
      return json(response, 429, { type: "error", status: 429, code: "rate_limit_exceeded", message: "Request rate limit exceeded" }, { "retry-after": String(seconds) });
    }
    const fault = queues.get(path)?.shift();
    if (fault) {
      if ("reset" in fault) {
        request.socket.destroy();
        return;
      }
      if ("stall" in fault) {
        stalled.add(response);
        response.on("close", () => stalled.delete(response));
        return;
      }
      response.writeHead(fault.status, fault.headers ?? {});
      if (fault.hang) {
        response.write(fault.body ?? "");
        stalled.add(response);
        response.on("close", () => stalled.delete(response));
        return;
      }
      response.end(fault.body ?? "");
      return;
    }

    if (path === "/oauth2/token") {
      if (options.tokenDelayMs) await new Promise((resolve) => setTimeout(resolve, options.tokenDelayMs));
      return token(record.form ?? new URLSearchParams(), response);
    }
    if (path === "/oauth2/revoke") {
      const form = record.form ?? new URLSearchParams();
      if (form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret) {
        return json(response, 400, { error: "invalid_client", error_description: "The client credentials are invalid" });
      }
      if (form.get("token") === accessToken) accessToken = undefined;
      response.writeHead(200);
      response.end();
      return;
    }
    if (accessToken === undefined || request.headers.authorization !== `Bearer ${accessToken}`) {
      response.writeHead(401, {
        "www-authenticate": 'Bearer realm="Service", error="invalid_token", error_description="The access token provided is invalid."',
        "content-length": "0",
      });
      response.end();
      return;
    }
    json(response, 200, { type: "user", id: "11446498", name: "Aaron Levie", path, bodyBytes: body.length });
  }

  function token(form: URLSearchParams, response: ServerResponse) {
    if (form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret) {
      return json(response, 400, { error: "invalid_client", error_description: "The client credentials are invalid" });
    }
    const grant = form.get("grant_type");
    if (grant === "refresh_token" && form.get("refresh_token") !== refreshToken) {
      return json(response, 400, { error: "invalid_grant", error_description: "Invalid refresh token" });
    }
    if (grant === "authorization_code" && form.get("code") !== "valid-code") {
      return json(response, 400, { error: "invalid_grant", error_description: "The authorization code has expired" });
    }
    if (grant !== "refresh_token" && grant !== "authorization_code") {
      return json(response, 400, { error: "invalid_request", error_description: "Invalid grant_type parameter or parameter missing" });
    }
    generation++;
    accessToken = `access-${generation}`;
    refreshToken = `refresh-${generation}`;
    json(response, 200, {
      access_token: accessToken,
      refresh_token: refreshToken,
      expires_in: options.expiresIn ?? 3600,
      token_type: "bearer",
      restricted_to: [],
    });
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the fault server has no TCP address");
  const { port } = address;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    tokenRequests: () => requests.filter((r) => r.path === "/oauth2/token"),
    requestsTo: (path) => requests.filter((r) => r.path === path),
    currentAccessToken: () => accessToken ?? "",
    currentRefreshToken: () => refreshToken,
    expireAccessToken: () => {
      accessToken = undefined;
    },
    rateLimit(path, windowMs) {
      rateLimits.set(path, performance.now() + windowMs);
    },
    enqueue(path, ...faults) {
      queues.set(path, [...(queues.get(path) ?? []), ...faults]);
    },
    waitForRequests(count) {
      return new Promise((resolve) => {
        const check = () => {
          if (requests.length < count) return;
          arrivals.off("request", check);
          resolve();
        };
        arrivals.on("request", check);
        check();
      });
    },
    async close() {
      for (const response of stalled) response.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
