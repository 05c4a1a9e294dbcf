/**
 * Whether this runtime's fetch can send a ReadableStream as a request body
 * (Node, Deno, Bun). The test is the standard one: a runtime that supports it
 * reads `duplex` and does not turn the stream into text. Browsers are left
 * out whatever the test says: Chromium passes it but refuses streamed bodies
 * over HTTP/1.1 ("Failed to fetch", seen in our headless Chromium test), and
 * a page cannot know the protocol before it sends.
 */
export function canStreamRequests(): boolean {
  // Asked on first use, not at import: touching Request loads Node's fetch
  // implementation (about 20 ms), which an import should not pay for.
  streamingSupport ??= detectStreamingSupport();
  return streamingSupport;
}

let streamingSupport: boolean | undefined;

function detectStreamingSupport(): boolean {
  if ("document" in globalThis || "WorkerGlobalScope" in globalThis) return false;
  try {
    let duplexRead = false;
    const init: RequestInit & { readonly duplex: string } = {
      method: "POST",
      body: new ReadableStream(),
      get duplex() {
        duplexRead = true;
        return "half";
      },
    };
    const hasContentType = new Request("http://localhost/", init).headers.has("content-type");
    return duplexRead && !hasContentType;
  } catch {
    return false;
  }
}

/** openapi-fetch passes extra init keys to `new Request`; Node needs `duplex` for a streamed body. */
export const STREAMED = { duplex: "half" } as const;

/** The typed body field a call wants where the real bytes come from the body serializer. */
export const EMPTY_BLOB = new Blob([]);
