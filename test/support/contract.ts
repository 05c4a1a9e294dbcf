import { inject } from "vitest";
import { BoxClient, type BoxClientOptions } from "../../src/index.js";

/** Every request a contract client sent, with Prism's verdict on it. */
export interface RecordedExchange {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  /** Prism's `sl-violations` header: a request that breaks the spec. */
  violations: string | null;
  /** The request body as sent (JSON bodies parse with `JSON.parse`); `null` without one. */
  body: string | null;
}

export const ACCESS_TOKEN = "contract-test-access-token";

/**
 * A stand-in upload host. The recording fetch sends its requests to Prism
 * too, so a test can see that an upload really went to `uploadUrl`.
 */
export const UPLOAD_ORIGIN = "http://upload.box.test";

/**
 * A BoxClient pointed at the shared Prism mock, whose fetch records every
 * exchange. `prefer` picks a response (`code=404`, `example=conflict`).
 */
export function contractClient(prefer?: string, options: BoxClientOptions = {}) {
  const prismUrl = inject("prismUrl");
  const exchanges: RecordedExchange[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    if (prefer) request.headers.set("prefer", prefer);
    const sentHeaders = new Headers(request.headers);
    const sentBody = request.body === null ? null : await request.clone().text();
    const target = request.url.startsWith(UPLOAD_ORIGIN) ? new Request(prismUrl + request.url.slice(UPLOAD_ORIGIN.length), request) : request;
    const response = await globalThis.fetch(target);
    exchanges.push({
      method: request.method,
      url: request.url,
      status: response.status,
      headers: sentHeaders,
      violations: response.headers.get("sl-violations"),
      body: sentBody,
    });
    return response;
  };
  const client = new BoxClient(ACCESS_TOKEN, {
    baseUrl: prismUrl,
    uploadUrl: UPLOAD_ORIGIN,
    fetch,
    maxRetries: 0,
    ...options,
  });
  return { client, exchanges, prismUrl };
}

/** Prism's verdicts on everything sent; the contract tests require none. */
export function violationsOf(exchanges: readonly RecordedExchange[]): string[] {
  return exchanges.flatMap((exchange) => (exchange.violations ? [`${exchange.method} ${exchange.url}: ${exchange.violations}`] : []));
}

/** The JSON body a recorded request carried (`null` without one). */
export function jsonBody(body: string | null | undefined): unknown {
  return JSON.parse(body ?? "null");
}

/** The path and query of an exchange, e.g. `PUT /folders/1?fields=shared_link`. */
export function requestLine(exchange: RecordedExchange | undefined): string {
  if (!exchange) return "(no request)";
  const url = new URL(exchange.url);
  return `${exchange.method} ${url.pathname}${decodeURIComponent(url.search)}`;
}
