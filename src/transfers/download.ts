import { ProgressReporter, type ProgressListener } from "./progress.js";

/** The size of a download from its headers: Content-Length, or the total of a 206's Content-Range. */
function expectedLength(response: Response): number | undefined {
  const length = response.headers.get("content-length");
  if (length !== null && /^\d+$/.test(length)) return Number(length);
  return undefined;
}

/** The same response, with a body that reports `{ loaded, total }` as it is read. */
export function countedResponse(response: Response, listener: ProgressListener): Response {
  const progress = new ProgressReporter(listener, expectedLength(response));
  if (response.body === null) {
    progress.finish(0);
    return response;
  }
  let loaded = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        progress.update(loaded);
        controller.enqueue(chunk);
      },
      flush() {
        progress.finish(loaded);
      },
    }),
  );
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
}
