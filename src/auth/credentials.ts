import { BoxAuthenticationError, BoxClientError } from "../errors.js";
import type { FetchLike } from "../http/pipeline.js";
import { redactSecrets } from "../http/redact.js";
import { requireText } from "../validate.js";
import { refreshV2Token } from "./oauth.js";
import type { AccessTokenProvider } from "./token-provider.js";

/** Called with every new token pair, before the pair is used. */
export type RefreshCallback = (accessToken: string, refreshToken: string) => void | Promise<void>;

/** Options of {@link CredentialsV2}. */
export interface CredentialsV2Options {
  /** Persist the new pair here: the old refresh token is already void when it runs. */
  refreshCallback?: RefreshCallback;
  /** When the access token expires (ms since the epoch or a Date); enables refresh ahead of expiry. */
  expiresAt?: number | Date;
  /** How long before `expiresAt` to refresh, in ms. Default 60000. */
  refreshMarginMs?: number;
  /** The token endpoint. Default `https://api.box.com/oauth2/token`. */
  tokenUrl?: string;
  /** The fetch used for refreshes. */
  fetch?: FetchLike;
}

/**
 * OAuth 2.0 credentials that renew themselves. Box refresh tokens are
 * single-use, so however many calls need a new token at once, exactly one
 * refresh is in flight; everyone else waits for its result.
 *
 * @example
 * const credentials = new CredentialsV2(access, refresh, "client_id", "client_secret", {
 *   refreshCallback: (accessToken, refreshToken) => save(accessToken, refreshToken),
 * });
 * const client = new BoxClient(credentials);
 */
export class CredentialsV2 implements AccessTokenProvider {
  #accessToken: string;
  #refreshToken: string | undefined;
  readonly #clientId: string | undefined;
  readonly #clientSecret: string | undefined;
  readonly #options: CredentialsV2Options;
  #expiresAt: number | undefined;
  #refreshing: Promise<string> | undefined;
  /** Set once Box refused the refresh token: it is dead, so asking again would only repeat the refusal. */
  #refusal: BoxAuthenticationError | undefined;

  constructor(
    accessToken: string,
    refreshToken?: string,
    clientId?: string,
    clientSecret?: string,
    options: CredentialsV2Options = {},
  ) {
    this.#accessToken = requireText("accessToken", accessToken);
    this.#refreshToken = refreshToken === undefined ? undefined : requireText("refreshToken", refreshToken);
    this.#clientId = clientId === undefined ? undefined : requireText("clientId", clientId);
    this.#clientSecret = clientSecret === undefined ? undefined : requireText("clientSecret", clientSecret);
    this.#options = options;
    this.#expiresAt = options.expiresAt instanceof Date ? options.expiresAt.getTime() : options.expiresAt;
  }

  /** The current access token. */
  get accessToken(): string {
    return this.#accessToken;
  }

  /** The current refresh token, if any. */
  get refreshToken(): string | undefined {
    return this.#refreshToken;
  }

  /** Whether these credentials can refresh (refresh token, client id and secret all known). */
  get canRefresh(): boolean {
    return this.#refreshToken !== undefined && this.#clientId !== undefined && this.#clientSecret !== undefined;
  }

  async getAccessToken(): Promise<string> {
    if (this.#refreshing) return this.#refreshing;
    const margin = this.#options.refreshMarginMs ?? 60_000;
    if (this.canRefresh && this.#expiresAt !== undefined && Date.now() >= this.#expiresAt - margin) return this.refresh();
    return this.#accessToken;
  }

  async refreshAfterRejection(rejectedToken: string): Promise<string | undefined> {
    if (!this.canRefresh) return undefined;
    if (this.#refreshing) return this.#refreshing;
    // Someone else already replaced the refused token: use theirs, do not refresh again.
    if (rejectedToken !== this.#accessToken) return this.#accessToken;
    return this.refresh();
  }

  /**
   * Refreshes now (joining a refresh already in flight) and resolves with the
   * new access token once `refreshCallback` has finished.
   */
  refresh(): Promise<string> {
    if (this.#refusal) return Promise.reject(this.#refusal);
    this.#refreshing ??= this.#refreshOnce().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refreshOnce(): Promise<string> {
    if (!this.canRefresh || this.#refreshToken === undefined || this.#clientId === undefined || this.#clientSecret === undefined) {
      throw new BoxClientError("These credentials cannot refresh: a refresh token, client id and client secret are all needed");
    }
    let tokens: Awaited<ReturnType<typeof refreshV2Token>>;
    try {
      tokens = await refreshV2Token(this.#clientId, this.#clientSecret, this.#refreshToken, {
        tokenUrl: this.#options.tokenUrl,
        fetch: this.#options.fetch,
      });
    } catch (error) {
      // A grant Box refused (400/401) will be refused again; a lost connection or a 5xx may not be.
      if (error instanceof BoxAuthenticationError && (error.status === 400 || error.status === 401)) this.#refusal = error;
      throw error;
    }
    const previous = [this.#accessToken, this.#refreshToken];
    // The old refresh token is spent: keep the new pair even if the callback fails.
    const refreshToken = tokens.refresh_token ?? this.#refreshToken;
    this.#refreshToken = refreshToken;
    this.#expiresAt = tokens.expires_in === undefined ? undefined : Date.now() + tokens.expires_in * 1000;
    let callbackError: unknown;
    try {
      await this.#options.refreshCallback?.(tokens.access_token, refreshToken);
    } catch (error) {
      callbackError = error;
    }
    this.#accessToken = tokens.access_token;
    if (callbackError !== undefined) {
      // The app's error may quote the tokens it failed to store: keep only a scrubbed description.
      const secrets = [tokens.access_token, refreshToken, this.#clientSecret, ...previous];
      const reason = callbackError instanceof Error ? `${callbackError.name}: ${callbackError.message}` : String(callbackError);
      throw new BoxClientError(
        `The tokens were refreshed but refreshCallback failed (${redactSecrets(reason, secrets)}); the new tokens are kept in memory`,
      );
    }
    return tokens.access_token;
  }

  /** Keeps tokens and the client secret out of `console.log` and `util.inspect`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `CredentialsV2 { canRefresh: ${this.canRefresh}, [tokens redacted] }`;
  }

  /** Keeps tokens and the client secret out of `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return { type: "CredentialsV2", canRefresh: this.canRefresh };
  }
}
