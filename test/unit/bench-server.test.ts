import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoxClient } from "../../src/index.js";
import { readBody, sendJson, startBenchServer, type BenchServer } from "../../scripts/bench/server.js";

describe("benchmark server", () => {
  let server: BenchServer;

  beforeAll(async () => {
    server = await startBenchServer({
      routes: [
        {
          method: "POST",
          path: "/oauth2/token",
          handle: async (request, response) => sendJson(response, 200, { echoed: (await readBody(request)).toString() }),
        },
      ],
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("listens on 127.0.0.1 only", () => {
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
  });

  it("answers box-ts getUserInfo with the benchmark user", async () => {
    const client = new BoxClient("token", { baseUrl: server.apiUrl, uploadUrl: server.uploadUrl, maxRetries: 0 });
    expect(await client.getUserInfo()).toMatchObject({ type: "user", id: "11446498", login: "ceo@example.com" });
  });

  it("answers files and folders by id", async () => {
    const headers = { authorization: "Bearer token" };
    const file: unknown = await (await fetch(`${server.apiUrl}/files/42`, { headers })).json();
    const folder: unknown = await (await fetch(`${server.apiUrl}/folders/0`, { headers })).json();
    expect(file).toMatchObject({ type: "file", id: "42" });
    expect(folder).toMatchObject({ type: "folder", id: "0", name: "All Files" });
  });

  it("refuses a built-in route without a bearer token, as Box does", async () => {
    const response = await fetch(`${server.apiUrl}/users/me`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ type: "error", code: "unauthorized" });
  });

  it("sends extra routes their request, body included, without asking for a token", async () => {
    const response = await fetch(`${server.url}/oauth2/token`, { method: "POST", body: "grant_type=refresh_token" });
    expect(await response.json()).toEqual({ echoed: "grant_type=refresh_token" });
  });

  it("answers 404 for a path it does not know", async () => {
    const response = await fetch(`${server.apiUrl}/nope`, { headers: { authorization: "Bearer token" } });
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });

  it("counts requests and keeps connections alive across sequential calls", async () => {
    const before = { requests: server.requests, connections: server.connections };
    for (let i = 0; i < 5; i += 1) await (await fetch(`${server.apiUrl}/users/me`, { headers: { authorization: "Bearer token" } })).json();
    expect(server.requests - before.requests).toBe(5);
    // undici may open a second socket when a call starts before the previous one's socket is released; never one per call.
    expect(server.connections - before.connections).toBeLessThanOrEqual(2);
  });
});
