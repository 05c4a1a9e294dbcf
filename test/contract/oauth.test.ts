import { describe, expect, inject, it } from "vitest";
import { BoxAuthenticationError, finishAuthenticateV2, refreshV2Token } from "../../src/index.js";

function recordingFetch() {
  const sent: Array<{ contentType: string | null; body: URLSearchParams; violations: string | null }> = [];
  const fetch = async (request: Request) => {
    const body = new URLSearchParams(await request.clone().text());
    const response = await globalThis.fetch(request);
    sent.push({ contentType: request.headers.get("content-type"), body, violations: response.headers.get("sl-violations") });
    return response;
  };
  return { fetch, sent };
}

describe("token endpoint", () => {
  it("trades an authorization code for tokens with a form-encoded request", async () => {
    const { fetch, sent } = recordingFetch();
    const tokens = await finishAuthenticateV2("client-id", "client-secret", "auth-code", {
      tokenUrl: `${inject("prismUrl")}/oauth2/token`,
      fetch,
    });
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 3600 });
    expect(tokens.refresh_token).toBeTypeOf("string");
    expect(sent[0]?.contentType).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(sent[0]?.body ?? [])).toEqual({
      grant_type: "authorization_code",
      code: "auth-code",
      client_id: "client-id",
      client_secret: "client-secret",
    });
    expect(sent[0]?.violations).toBeNull();
  });

  it("trades a refresh token for a new pair", async () => {
    const { fetch, sent } = recordingFetch();
    const tokens = await refreshV2Token("client-id", "client-secret", "refresh-1", { tokenUrl: `${inject("prismUrl")}/oauth2/token`, fetch });
    expect(tokens.access_token).toBeTypeOf("string");
    expect(sent[0]?.body.get("grant_type")).toBe("refresh_token");
    expect(sent[0]?.body.get("refresh_token")).toBe("refresh-1");
    expect(sent[0]?.violations).toBeNull();
  });

  it("throws BoxAuthenticationError with Box's error code when the grant is refused", async () => {
    const fetch = (request: Request) => {
      request.headers.set("prefer", "code=400");
      return globalThis.fetch(request);
    };
    const error = await refreshV2Token("client-id", "client-secret", "used-refresh-token", {
      tokenUrl: `${inject("prismUrl")}/oauth2/token`,
      fetch,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxAuthenticationError);
    expect(error).toMatchObject({ status: 400, code: "invalid_grant" });
    expect(String(error)).not.toContain("used-refresh-token");
    expect(String(error)).not.toContain("client-secret");
  });
});
