import { inject } from "vitest";
import { BoxClient } from "../../src/index.js";
import { ACCESS_TOKEN, type RecordedExchange } from "./contract.js";

/** A recorded exchange plus the JSON body that was sent, if any. */
export interface ExchangeWithBody extends RecordedExchange {
  body: unknown;
}

/**
 * Like `contractClient`, for tests that must see the request body too
 * (a move sent alone, `shared_link: null`): each body is read from a clone
 * before the request goes to Prism.
 */
export function bodyRecordingClient(prefer?: string) {
  const prismUrl = inject("prismUrl");
  const exchanges: ExchangeWithBody[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    if (prefer) request.headers.set("prefer", prefer);
    const text = request.body === null ? "" : await request.clone().text();
    const response = await globalThis.fetch(request);
    exchanges.push({
      method: request.method,
      url: request.url,
      status: response.status,
      headers: new Headers(request.headers),
      violations: response.headers.get("sl-violations"),
      body: text === "" ? undefined : JSON.parse(text),
    });
    return response;
  };
  const client = new BoxClient(ACCESS_TOKEN, { baseUrl: prismUrl, fetch, maxRetries: 0 });
  return { client, exchanges };
}

/** The path and query of an exchange, e.g. `PUT /folders/1?fields=shared_link`. */
export function requestLine(exchange: RecordedExchange | undefined): string {
  if (!exchange) return "(no request)";
  const url = new URL(exchange.url);
  return `${exchange.method} ${url.pathname}${decodeURIComponent(url.search)}`;
}
