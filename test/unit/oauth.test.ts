import { describe, expect, it } from "vitest";
import {
  BoxAuthenticationError,
  BoxValidationError,
  createOAuthState,
  finishAuthenticateV2,
  revokeToken,
  startAuthenticateV2,
  verifyOAuthState,
} from "../../src/index.js";

describe("startAuthenticateV2", () => {
  it("points at Box's authorize page with response_type=code by default", () => {
    const url = new URL(startAuthenticateV2("my_client_id"));
    expect(`${url.origin}${url.pathname}`).toBe("https://account.box.com/api/oauth2/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({ response_type: "code", client_id: "my_client_id" });
  });

  it("adds state, redirect_uri and a space-separated scope list", () => {
    const url = new URL(
      startAuthenticateV2("id", { state: "s t&ate", redirectUri: "https://app.example/cb?x=1", scope: ["root_readonly", "manage_webhook"], authorizeUrl: "https://ent.box.com/api/oauth2/authorize" }),
    );
    expect(url.host).toBe("ent.box.com");
    expect(url.searchParams.get("state")).toBe("s t&ate");
    expect(url.searchParams.get("redirect_uri")).toBe("https://app.example/cb?x=1");
    expect(url.searchParams.get("scope")).toBe("root_readonly manage_webhook");
  });

  it("refuses an empty client id before building anything", () => {
    expect(() => startAuthenticateV2("")).toThrow(BoxValidationError);
  });
});

describe("OAuth state", () => {
  it("creates 256-bit base64url states that differ every time", () => {
    const states = new Set(Array.from({ length: 100 }, () => createOAuthState()));
    expect(states.size).toBe(100);
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("accepts the state it was given back", () => {
    const state = createOAuthState();
    expect(verifyOAuthState(state, `${state}`)).toBe(true);
  });

  it("rejects a different, shorter, longer, empty or missing state", () => {
    const state = createOAuthState();
    const other = createOAuthState();
    for (const received of [other, state.slice(0, -1), `${state}x`, "", null, undefined]) {
      expect(verifyOAuthState(state, received)).toBe(false);
    }
  });

  it("rejects everything when no state was stored", () => {
    expect(verifyOAuthState("", "")).toBe(false);
  });
});

describe("token requests", () => {
  it("sends the redirect URI with the code exchange when given", async () => {
    let form = new URLSearchParams();
    const fetch = async (request: Request) => {
      form = new URLSearchParams(await request.text());
      return Response.json({ access_token: "a", refresh_token: "r", expires_in: 3600, token_type: "bearer" });
    };
    await finishAuthenticateV2("id", "secret", "the-code", { redirectUri: "https://app.example/cb", fetch, tokenUrl: "https://auth.test/oauth2/token" });
    expect(form.get("redirect_uri")).toBe("https://app.example/cb");
    expect(form.get("code")).toBe("the-code");
  });

  it("refuses a token URL that does not end in /oauth2/token", async () => {
    await expect(finishAuthenticateV2("id", "secret", "code", { tokenUrl: "https://auth.test/token" })).rejects.toBeInstanceOf(BoxValidationError);
  });

  it("does not retry a token request that got a 503", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return new Response("", { status: 503 });
    };
    const error = await finishAuthenticateV2("id", "secret", "code", { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxAuthenticationError);
    expect(error).toMatchObject({ status: 503, code: "http_503" });
    expect(calls).toBe(1);
  });

  it("revokes with a form of client id, secret and token", async () => {
    let sent: { url: string; type: string | null; form: URLSearchParams } | undefined;
    const fetch = async (request: Request) => {
      sent = { url: request.url, type: request.headers.get("content-type"), form: new URLSearchParams(await request.text()) };
      return new Response(null, { status: 200 });
    };
    await revokeToken("id", "secret", "tok", { fetch });
    expect(sent?.url).toBe("https://api.box.com/oauth2/revoke");
    expect(sent?.type).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(sent?.form ?? [])).toEqual({ client_id: "id", client_secret: "secret", token: "tok" });
  });

  it("throws BoxAuthenticationError with Box's code when a revoke is refused", async () => {
    const fetch = async () => Response.json({ error: "invalid_client", error_description: "The client credentials are invalid" }, { status: 400 });
    await expect(revokeToken("id", "secret", "tok", { fetch })).rejects.toMatchObject({ name: "BoxAuthenticationError", code: "invalid_client", status: 400 });
  });
});
