import {
  BoxAccountUnauthorizedError,
  BoxBadRequestError,
  BoxClientError,
  BoxForbiddenError,
  BoxRateLimitError,
  BoxServerError,
  ItemAlreadyExistsError,
  ItemDoesNotExistError,
  PreconditionFailedError,
  type BoxErrorDetails,
} from "../errors.js";
import type { RequestSummary } from "./pipeline.js";
import { redactUrl } from "./redact.js";

type ErrorClass = new (message: string, details: BoxErrorDetails) => BoxClientError;

function errorClassFor(status: number): ErrorClass {
  if (status === 401) return BoxAccountUnauthorizedError;
  if (status === 403) return BoxForbiddenError;
  if (status === 404) return ItemDoesNotExistError;
  if (status === 409) return ItemAlreadyExistsError;
  if (status === 412) return PreconditionFailedError;
  if (status === 429) return BoxRateLimitError;
  if (status >= 500) return BoxServerError;
  return BoxBadRequestError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** Pulls `error` and `error_description` out of `WWW-Authenticate: Bearer ...` (401 bodies are empty). */
function parseWwwAuthenticate(header: string | null): { code?: string; message?: string } {
  if (!header) return {};
  const pick = (key: string) => new RegExp(`${key}="([^"]*)"`).exec(header)?.[1];
  return { code: pick("error"), message: pick("error_description") };
}

/**
 * Turns a non-2xx answer into the matching {@link BoxClientError} subclass.
 * `body` is the already-read body: parsed JSON, text, or undefined.
 */
export function errorFromResponse(response: Response, body: unknown, request?: RequestSummary): BoxClientError {
  const status = response.status;
  const fields = isRecord(body) ? body : {};
  const fromHeader = parseWwwAuthenticate(response.headers.get("www-authenticate"));
  const code = stringField(fields, "code") ?? stringField(fields, "error") ?? fromHeader.code;
  const boxMessage =
    stringField(fields, "message") ?? stringField(fields, "error_description") ?? fromHeader.message ?? response.statusText;
  const requestId = stringField(fields, "request_id") ?? response.headers.get("box-request-id") ?? undefined;
  const contextInfo = isRecord(fields.context_info) ? fields.context_info : undefined;
  const url = request?.url ?? (response.url ? redactUrl(response.url) : undefined);
  const method = request?.method;
  const summary = [`Box answered ${status}`, code && `(${code})`, boxMessage && `: ${boxMessage}`]
    .filter(Boolean)
    .join(" ")
    .replace(" :", ":");
  const where = method && url ? ` [${method} ${url}]` : "";
  const ErrorClass = errorClassFor(status);
  return new ErrorClass(`${summary}${where}${requestId ? ` (request id ${requestId})` : ""}`, {
    status,
    code,
    requestId,
    helpUrl: stringField(fields, "help_url"),
    contextInfo,
    method,
    url,
  });
}
