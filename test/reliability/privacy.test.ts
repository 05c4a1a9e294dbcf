import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as errors from "../../src/errors.js";
import {
  BoxClient,
  BoxClientError,
  CredentialsV2,
  finishAuthenticateV2,
  refreshV2Token,
  revokeToken,
  StaticAccessToken,
  type PipelineEvent,
} from "../../src/index.js";
import { startFaultServer, type FaultServer } from "../support/fault-server.js";

// Distinctive values: if any of them shows up anywhere, a secret leaked.
const ACCESS = "SECRET-access-6d1f0c";
const REFRESH = "SECRET-refresh-a93e77";
const CLIENT_SECRET = "SECRET-client-secret-41b2";
const CODE = "SECRET-auth-code-0c5e";
const SECRETS = [ACCESS, REFRESH, CLIENT_SECRET, CODE];

let server: FaultServer;
const events: PipelineEvent[] = [];
beforeAll(async () => {
  server = await startFaultServer({ accessToken: "the-only-valid-token", clientSecret: CLIENT_SECRET, refreshToken: REFRESH });
});
afterAll(async () => {
  await server.close();
});

function client(options: { timeoutMs?: number } = {}, credentials: string | CredentialsV2 = ACCESS) {
  return new BoxClient(credentials, { baseUrl: server.url, uploadUrl: server.url, maxRetries: 0, onEvent: (e) => void events.push(e), ...options });
}

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );

function status(path: string, code: number, body: Record<string, unknown> = {}) {
  server.enqueue(path, { status: code, headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "error", status: code, request_id: "r1", ...body }) });
}

/** One real error per class, each produced while a secret was in play. */
const producers: Record<string, () => Promise<unknown>> = {
  BoxAccountUnauthorizedError: () => caught(client().getUserInfo()),
  BoxAuthenticationError: () => caught(refreshV2Token("unknown-client-id", CLIENT_SECRET, REFRESH, { tokenUrl: `${server.url}/oauth2/token` })),
  ItemDoesNotExistError: async () => {
    // A redirect to a URL carrying a token in its query, which then 404s.
    server.enqueue("/files/1/content", { status: 302, headers: { location: `${server.url}/dl?access_token=${ACCESS}&code=${CODE}` } });
    status("/dl", 404, { code: "not_found" });
    return caught(client().downloadFile("1"));
  },
  ItemAlreadyExistsError: () => (status("/users/me", 409, { code: "item_name_in_use", context_info: { conflicts: [] } }), caught(client().getUserInfo())),
  PreconditionFailedError: () => (status("/users/me", 412, { code: "precondition_failed" }), caught(client().getUserInfo())),
  BoxForbiddenError: () => (status("/users/me", 403, { code: "forbidden" }), caught(client().getUserInfo())),
  BoxBadRequestError: () => (status("/users/me", 400, { code: "bad_request" }), caught(client().getUserInfo())),
  BoxRateLimitError: () => (status("/users/me", 429, { code: "rate_limit_exceeded" }), caught(client().getUserInfo())),
  BoxServerError: () => (status("/users/me", 500, { code: "internal_server_error" }), caught(client().getUserInfo())),
  BoxValidationError: () => caught(Promise.resolve().then(() => new CredentialsV2(`${ACCESS}\n`, REFRESH, "id", CLIENT_SECRET))),
  BoxConnectionError: () => (server.enqueue("/users/me", { reset: true }), caught(client().getUserInfo())),
  BoxTimeoutError: () => (server.enqueue("/users/me", { stall: true }), caught(client({ timeoutMs: 20 }).getUserInfo())),
  BoxAbortError: () => {
    server.enqueue("/users/me", { stall: true });
    const controller = new AbortController();
    const call = caught(client().getUserInfo("me", { signal: controller.signal }));
    void server.waitForRequests(server.requests.length + 1).then(() => controller.abort());
    return call;
  },
  BoxClientError: () =>
    caught(
      // Box accepts the refresh, then the app's callback fails quoting every token it saw.
      new CredentialsV2(ACCESS, REFRESH, "fault-client-id", CLIENT_SECRET, {
        tokenUrl: `${server.url}/oauth2/token`,
        refreshCallback: (access, refresh) => {
          throw new Error(`could not save ${access} ${refresh} (old ${ACCESS} ${REFRESH}, secret ${CLIENT_SECRET})`);
        },
      }).refresh(),
    ),
};

function everyRendering(error: unknown): string[] {
  const record = error as Record<string, unknown>;
  return [
    String(error),
    error instanceof Error ? (error.stack ?? "") : "",
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
    JSON.stringify({ ...record }),
    ...Object.getOwnPropertyNames(error).map((key) => inspect(record[key], { depth: Infinity, showHidden: true })),
  ];
}

describe("no secret in any error", () => {
  it("covers every error class box-ts exports", () => {
    const classes = Object.entries(errors)
      .filter(([, value]) => typeof value === "function" && (value === BoxClientError || value.prototype instanceof BoxClientError))
      .map(([name]) => name)
      .sort();
    expect(Object.keys(producers).sort()).toEqual(classes);
  });

  for (const [name, produce] of Object.entries(producers)) {
    it(`${name}: message, properties, JSON, inspect and spread carry no secret`, async () => {
      const error = await produce();
      expect(error).toBeInstanceOf(BoxClientError);
      expect((error as Error).name).toBe(name);
      for (const rendering of everyRendering(error)) {
        for (const secret of SECRETS) expect(rendering).not.toContain(secret);
      }
    });
  }

  it("the onEvent debug hook saw every request and no secret", () => {
    expect(events.length).toBeGreaterThan(10);
    const log = JSON.stringify(events) + inspect(events, { depth: Infinity });
    for (const secret of SECRETS) expect(log).not.toContain(secret);
  });

  it("finishAuthenticateV2 and revokeToken errors quote neither the code nor the secret", async () => {
    const renderings = [
      ...everyRendering(await caught(finishAuthenticateV2("unknown-client-id", CLIENT_SECRET, CODE, { tokenUrl: `${server.url}/oauth2/token` }))),
      ...everyRendering(await caught(revokeToken("unknown-client-id", CLIENT_SECRET, ACCESS, { revokeUrl: `${server.url}/oauth2/revoke` }))),
    ];
    for (const rendering of renderings) for (const secret of SECRETS) expect(rendering).not.toContain(secret);
  });

  it("credentials show no token in inspect, JSON or a spread copy", () => {
    const credentials = new CredentialsV2(ACCESS, REFRESH, "id", CLIENT_SECRET);
    const renderings = [inspect(credentials, { showHidden: true, depth: Infinity }), JSON.stringify(credentials), JSON.stringify({ ...credentials }), String(credentials)];
    const token = new StaticAccessToken(ACCESS);
    renderings.push(inspect(token, { showHidden: true }), JSON.stringify(token), JSON.stringify({ ...token }));
    for (const rendering of renderings) for (const secret of SECRETS) expect(rendering).not.toContain(secret);
  });
});
