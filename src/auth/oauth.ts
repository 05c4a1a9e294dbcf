import createClient from "openapi-fetch";
import type { AccessToken, paths } from "../../generated/box-api.js";
import { BoxAuthenticationError, BoxValidationError } from "../errors.js";
import { createPipeline, type FetchLike } from "../http/pipeline.js";
import { requireText } from "../validate.js";
import { StaticAccessToken } from "./token-provider.js";

export const DEFAULT_AUTHORIZE_URL = "https://account.box.com/api/oauth2/authorize";
export const DEFAULT_TOKEN_URL = "https://api.box.com/oauth2/token";
export const DEFAULT_REVOKE_URL = "https://api.box.com/oauth2/revoke";

/** Options of {@link startAuthenticateV2}. */
export interface AuthorizeUrlOptions {
  /** An unguessable value echoed back on the redirect; see {@link createOAuthState}. */
  state?: string;
  /** Where Box sends the user back; must match one configured for the app. */
  redirectUri?: string;
  /** Scopes to ask for (space-separated or a list); the app's configured scopes by default. */
  scope?: string | readonly string[];
  /** The authorize page. Default `https://account.box.com/api/oauth2/authorize`. */
  authorizeUrl?: string;
}

/** Options of the token calls. */
export interface TokenRequestOptions {
  /** The token endpoint. Default `https://api.box.com/oauth2/token`. */
  tokenUrl?: string;
  /** The fetch to use; the global one by default. */
  fetch?: FetchLike;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** Options of {@link finishAuthenticateV2}. */
export interface FinishAuthenticateOptions extends TokenRequestOptions {
  /** The redirect URI used to start the flow, when the app has several. */
  redirectUri?: string;
}

/**
 * The URL to send the user to so they can grant the app access.
 *
 * @example
 * const state = createOAuthState();
 * const url = startAuthenticateV2("my_client_id", { state, redirectUri: "https://app.example/callback" });
 */
export function startAuthenticateV2(clientId: string, options: AuthorizeUrlOptions = {}): string {
  const url = new URL(options.authorizeUrl ?? DEFAULT_AUTHORIZE_URL);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", requireText("clientId", clientId));
  if (options.redirectUri !== undefined) url.searchParams.set("redirect_uri", requireText("options.redirectUri", options.redirectUri));
  if (options.state !== undefined) url.searchParams.set("state", requireText("options.state", options.state));
  if (options.scope !== undefined) {
    const scope = typeof options.scope === "string" ? options.scope : options.scope.join(" ");
    url.searchParams.set("scope", requireText("options.scope", scope));
  }
  return url.toString();
}

/**
 * Trades the code from the redirect for an access token and a refresh token.
 * Do it at once: codes expire within about 30 seconds.
 *
 * @example
 * const tokens = await finishAuthenticateV2("my_client_id", "my_client_secret", code);
 * const client = new BoxClient(new CredentialsV2(tokens.access_token, tokens.refresh_token, "my_client_id", "my_client_secret"));
 */
export async function finishAuthenticateV2(
  clientId: string,
  clientSecret: string,
  code: string,
  options: FinishAuthenticateOptions = {},
): Promise<AccessToken> {
  return requestToken(
    {
      grant_type: "authorization_code",
      code: requireText("code", code),
      client_id: requireText("clientId", clientId),
      client_secret: requireText("clientSecret", clientSecret),
      ...(options.redirectUri === undefined ? {} : { redirect_uri: requireText("options.redirectUri", options.redirectUri) }),
    },
    options,
  );
}

/**
 * Trades a refresh token for a new pair. The refresh token used becomes
 * invalid at once: store the new pair before anything else.
 *
 * @example
 * const fresh = await refreshV2Token("my_client_id", "my_client_secret", savedRefreshToken);
 * await save(fresh.access_token, fresh.refresh_token);
 */
export async function refreshV2Token(
  clientId: string,
  clientSecret: string,
  refreshToken: string,
  options: TokenRequestOptions = {},
): Promise<AccessToken> {
  return requestToken(
    {
      grant_type: "refresh_token",
      refresh_token: requireText("refreshToken", refreshToken),
      client_id: requireText("clientId", clientId),
      client_secret: requireText("clientSecret", clientSecret),
    },
    options,
  );
}

/** Options of {@link revokeToken}. */
export interface RevokeTokenOptions {
  /** The revoke endpoint. Default `https://api.box.com/oauth2/revoke`. */
  revokeUrl?: string;
  /** The fetch to use; the global one by default. */
  fetch?: FetchLike;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/**
 * Voids an access token (signs the user out of the app). Box answers the
 * same whether or not the token still worked.
 *
 * @example
 * await revokeToken("my_client_id", "my_client_secret", credentials.accessToken);
 */
export async function revokeToken(clientId: string, clientSecret: string, token: string, options: RevokeTokenOptions = {}): Promise<void> {
  const form = {
    client_id: requireText("clientId", clientId),
    client_secret: requireText("clientSecret", clientSecret),
    token: requireText("token", token),
  };
  const api = oauthClient(options.revokeUrl ?? DEFAULT_REVOKE_URL, "/oauth2/revoke", "options.revokeUrl", options);
  const { error, response } = await api.POST("/oauth2/revoke", { body: form, ...FORM });
  if (!response.ok) throw refusal("Box refused to revoke the token", error, response);
}

type TokenForm = paths["/oauth2/token"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"];

/** The endpoint URL split into the typed client's base URL (the path is fixed by the spec). */
function oauthBaseUrl(endpointUrl: string, suffix: string, argument: string): string {
  let parsed: URL;
  try {
    parsed = new URL(endpointUrl);
  } catch {
    throw new BoxValidationError(argument, `expected an absolute URL ending in ${suffix}`);
  }
  if (!parsed.pathname.endsWith(suffix) || parsed.search !== "") {
    throw new BoxValidationError(argument, `expected an absolute URL ending in ${suffix}`);
  }
  return `${parsed.origin}${parsed.pathname.slice(0, -suffix.length)}`;
}

/**
 * A typed client for the OAuth host. Token calls are sent once: a refresh
 * token is single-use, so re-sending a refresh whose answer was lost would be
 * refused, and the caller's retry decision must see the real failure.
 */
function oauthClient(endpointUrl: string, suffix: string, argument: string, options: { fetch?: FetchLike; signal?: AbortSignal }) {
  const pipeline = createPipeline({
    tokens: new StaticAccessToken("unused"),
    trustedOrigins: [],
    fetch: options.fetch,
    defaults: { maxRetries: 0, authenticate: false, signal: options.signal },
  });
  return createClient<paths>({ baseUrl: oauthBaseUrl(endpointUrl, suffix, argument), fetch: pipeline.fetch });
}

/** openapi-fetch sends JSON unless the Content-Type says otherwise; Box wants a form. */
const FORM = {
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  bodySerializer: (body: object) =>
    new URLSearchParams(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === "string")),
};

/** Box's `error`/`error_description` as a BoxAuthenticationError; the request's secrets never go in. */
function refusal(what: string, error: unknown, response: Response): BoxAuthenticationError {
  const field = (key: string): string | undefined => {
    if (typeof error !== "object" || error === null) return undefined;
    const value: unknown = Reflect.get(error, key);
    return typeof value === "string" && value.length > 0 ? value : undefined;
  };
  const code = field("error") ?? `http_${response.status}`;
  const description = field("error_description") ?? response.statusText;
  return new BoxAuthenticationError(`${what}: ${code}${description ? ` (${description})` : ""}`, {
    status: response.status,
    code,
    requestId: response.headers.get("box-request-id") ?? undefined,
  });
}

async function requestToken(form: TokenForm, options: TokenRequestOptions): Promise<AccessToken> {
  const api = oauthClient(options.tokenUrl ?? DEFAULT_TOKEN_URL, "/oauth2/token", "options.tokenUrl", options);
  const { data, error, response } = await api.POST("/oauth2/token", { body: form, ...FORM });
  if (data !== undefined && response.ok) return data;
  throw refusal(`Box refused the ${form.grant_type} grant`, error, response);
}

/**
 * An unguessable `state` for the authorize URL (CSRF protection): 32 random
 * bytes, base64url. Keep it in the user's session until the redirect returns.
 *
 * @example
 * const state = createOAuthState();
 * session.oauthState = state;
 * redirect(startAuthenticateV2(clientId, { state }));
 */
export function createOAuthState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Whether the `state` Box sent back is the one the app stored, compared in
 * constant time so the comparison leaks nothing about the expected value.
 *
 * @example
 * if (!verifyOAuthState(session.oauthState, url.searchParams.get("state"))) throw new Error("CSRF");
 */
export function verifyOAuthState(expected: string, received: string | null | undefined): boolean {
  if (typeof expected !== "string" || expected.length === 0 || typeof received !== "string") return false;
  const a = new TextEncoder().encode(expected);
  const b = new TextEncoder().encode(received);
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ (b[i % Math.max(b.length, 1)] ?? 0);
  return difference === 0;
}
