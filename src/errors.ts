/**
 * The errors box-ts throws. Every one is a {@link BoxClientError}, so one
 * `catch (e) { if (e instanceof BoxClientError) ... }` covers them all; the
 * subclasses let callers branch on what happened without reading status codes.
 *
 * None of them ever holds an access token, refresh token, client secret or
 * authorization code: messages and fields are built from Box's error body and
 * status only, and URLs are stored with their query string redacted.
 */

/** What an error learned from Box's answer, when there was one. */
export interface BoxErrorDetails {
  /** HTTP status of Box's answer (0 when no answer arrived). */
  status?: number;
  /** Box's machine-readable reason, e.g. `item_name_in_use`; open-ended. */
  code?: string;
  /** Box's identifier for the answer (body `request_id` or the `box-request-id` header). */
  requestId?: string;
  /** A Box developer page about the error. */
  helpUrl?: string;
  /** Endpoint-specific details, e.g. `{ conflicts }` for a name clash. */
  contextInfo?: Record<string, unknown>;
  /** HTTP method of the failed request. */
  method?: string;
  /** URL of the failed request, query string redacted. */
  url?: string;
  /** The underlying error, for transport failures. */
  cause?: unknown;
}

/**
 * The base class of every error box-ts throws.
 *
 * @example
 * try {
 *   await client.getFileMetadata("123");
 * } catch (error) {
 *   if (error instanceof BoxClientError) console.error(error.status, error.code, error.requestId);
 * }
 */
export class BoxClientError extends Error {
  override name = "BoxClientError";
  readonly status: number;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly helpUrl: string | undefined;
  readonly contextInfo: Record<string, unknown> | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(message: string, details: BoxErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status ?? 0;
    this.code = details.code;
    this.requestId = details.requestId;
    this.helpUrl = details.helpUrl;
    this.contextInfo = details.contextInfo;
    this.method = details.method;
    this.url = details.url;
  }

  /** A plain copy for logs: the same fields, nothing secret. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      helpUrl: this.helpUrl,
      contextInfo: this.contextInfo,
      method: this.method,
      url: this.url,
    };
  }
}

/** 404: the item does not exist, or the user cannot see it. */
export class ItemDoesNotExistError extends BoxClientError {
  override name = "ItemDoesNotExistError";
}

/** 409: an item with that name already exists; `contextInfo.conflicts` describes it. */
export class ItemAlreadyExistsError extends BoxClientError {
  override name = "ItemAlreadyExistsError";
}

/** 412: the item changed since the etag given (If-Match) was read. */
export class PreconditionFailedError extends BoxClientError {
  override name = "PreconditionFailedError";
}

/** 401 that a token refresh could not cure: the user must sign in again. */
export class BoxAccountUnauthorizedError extends BoxClientError {
  override name = "BoxAccountUnauthorizedError";
}

/** 403: the user may not do this (permissions, policy, storage limit, ...). */
export class BoxForbiddenError extends BoxClientError {
  override name = "BoxForbiddenError";
}

/** 400 and other 4xx answers not covered by a more specific class. */
export class BoxBadRequestError extends BoxClientError {
  override name = "BoxBadRequestError";
}

/** 429 after every retry was spent. */
export class BoxRateLimitError extends BoxClientError {
  override name = "BoxRateLimitError";
}

/** 5xx after every retry was spent. */
export class BoxServerError extends BoxClientError {
  override name = "BoxServerError";
}

/** The token endpoint refused a grant (`invalid_grant`, `invalid_client`, ...). */
export class BoxAuthenticationError extends BoxClientError {
  override name = "BoxAuthenticationError";
}

/** An argument was invalid; thrown before any request is sent. */
export class BoxValidationError extends BoxClientError {
  override name = "BoxValidationError";
  /** The name of the offending argument, e.g. `fileId` or `options.limit`. */
  readonly argument: string;
  constructor(argument: string, problem: string) {
    super(`Invalid argument \`${argument}\`: ${problem}`);
    this.argument = argument;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), argument: this.argument };
  }
}

/** No answer arrived: DNS, refused or reset connection, TLS failure. */
export class BoxConnectionError extends BoxClientError {
  override name = "BoxConnectionError";
}

/** An attempt, or the whole call with its retries, ran out of time. */
export class BoxTimeoutError extends BoxClientError {
  override name = "BoxTimeoutError";
}

/** The caller aborted the call through its AbortSignal. */
export class BoxAbortError extends BoxClientError {
  override name = "BoxAbortError";
}
