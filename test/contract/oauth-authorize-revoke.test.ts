import { describe, expect, inject, it } from "vitest";
import { BoxAuthenticationError, createOAuthState, revokeToken, startAuthenticateV2 } from "../../src/index.js";

describe("authorize URL", () => {
  it("builds a URL whose query Prism accepts against the /authorize operation", async () => {
    const url = startAuthenticateV2("ly1nj6n11vionaie65emwzk575hnnmrk", {
      authorizeUrl: `${inject("prismUrl")}/authorize`,
      state: createOAuthState(),
      redirectUri: "https://app.example.com/box/callback",
      scope: ["root_readwrite", "manage_enterprise_properties"],
    });
    const response = await fetch(url);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it("is checked for real: Prism flags an authorize URL without client_id", async () => {
    const url = new URL(startAuthenticateV2("x", { authorizeUrl: `${inject("prismUrl")}/authorize` }));
    url.searchParams.delete("client_id");
    const response = await fetch(url);
    expect(response.headers.get("sl-violations")).toContain("client_id");
  });
});

describe("revokeToken", () => {
  function recordingFetch(prefer?: string) {
    const sent: Array<{ contentType: string | null; form: URLSearchParams; violations: string | null; status: number }> = [];
    const fetch = async (request: Request) => {
      if (prefer) request.headers.set("prefer", prefer);
      const form = new URLSearchParams(await request.clone().text());
      const response = await globalThis.fetch(request);
      sent.push({ contentType: request.headers.get("content-type"), form, violations: response.headers.get("sl-violations"), status: response.status });
      return response;
    };
    return { fetch, sent };
  }

  it("posts a form Prism accepts and resolves on 200", async () => {
    const { fetch, sent } = recordingFetch();
    await expect(revokeToken("client-id", "client-secret", "access-token", { revokeUrl: `${inject("prismUrl")}/oauth2/revoke`, fetch })).resolves.toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ contentType: "application/x-www-form-urlencoded", violations: null, status: 200 });
    expect(Object.fromEntries(sent[0]?.form ?? [])).toEqual({ client_id: "client-id", client_secret: "client-secret", token: "access-token" });
  });

  it("throws BoxAuthenticationError with Box's code when the revoke is refused", async () => {
    const { fetch, sent } = recordingFetch("code=400");
    const error = await revokeToken("client-id", "client-secret", "access-token", { revokeUrl: `${inject("prismUrl")}/oauth2/revoke`, fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxAuthenticationError);
    expect(error).toMatchObject({ status: 400, code: "invalid_client" });
    expect(String(error)).not.toContain("client-secret");
    expect(sent[0]?.violations).toBeNull();
  });
});
