/**
 * Where the pipeline gets the bearer token for each request. A bare access
 * token and {@link CredentialsV2} both implement it; apps with their own token
 * store can too.
 */
export interface AccessTokenProvider {
  /** The token to send now. May refresh first when the token is about to expire. */
  getAccessToken(): Promise<string>;
  /**
   * Called once when Box answered 401 to `rejectedToken`. Returns a token worth
   * one more try, or `undefined` when no refresh is possible.
   */
  refreshAfterRejection(rejectedToken: string): Promise<string | undefined>;
}

/** A fixed access token: nothing to refresh, so a 401 is final. */
export class StaticAccessToken implements AccessTokenProvider {
  readonly #token: string;
  constructor(token: string) {
    this.#token = token;
  }
  async getAccessToken(): Promise<string> {
    return this.#token;
  }
  async refreshAfterRejection(): Promise<string | undefined> {
    return undefined;
  }
  /** Keeps the token out of `util.inspect` and `console.log`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "StaticAccessToken { [token redacted] }";
  }
  toJSON(): Record<string, string> {
    return { type: "StaticAccessToken" };
  }
}

export function isAccessTokenProvider(value: unknown): value is AccessTokenProvider {
  return (
    typeof value === "object" &&
    value !== null &&
    "getAccessToken" in value &&
    typeof value.getAccessToken === "function" &&
    "refreshAfterRejection" in value &&
    typeof value.refreshAfterRejection === "function"
  );
}
