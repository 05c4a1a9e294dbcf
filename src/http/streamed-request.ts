/**
 * A Request that remembers whether its body was a stream. The typed client
 * builds every request with it, so the pipeline can tell a one-shot stream
 * (send once, never buffer, never retry) from a string or form it may replay:
 * once inside a Request, both look like a ReadableStream.
 */
const streamed = new WeakSet<Request>();
const withoutCallerSignal = new WeakSet<Request>();

/** RequestInit as Node's fetch reads it: a streamed body needs `duplex: "half"`. */
interface StreamingRequestInit extends RequestInit {
  duplex?: "half";
}

function isStream(body: unknown): boolean {
  return body instanceof ReadableStream || (typeof body === "object" && body !== null && Symbol.asyncIterator in body);
}

let boxRequest: typeof Request | undefined;

/**
 * The Request class the typed client builds with. Defined on first use, not
 * at import: `extends Request` touches Node's fetch implementation, whose
 * loading (about 20 ms) an import of box-ts should not pay for.
 */
export function boxRequestClass(): typeof Request {
  boxRequest ??= class BoxRequest extends Request {
    constructor(input: RequestInfo | URL, init?: StreamingRequestInit) {
      const oneShot = isStream(init?.body);
      const withDuplex: StreamingRequestInit | undefined = oneShot && init?.duplex === undefined ? { ...init, duplex: "half" } : init;
      super(input, withDuplex);
      if (oneShot) streamed.add(this);
      if (init?.signal == null) withoutCallerSignal.add(this);
    }
  };
  return boxRequest;
}

/** Whether `request` carries a body that was handed over as a stream. */
export function hasStreamedBody(request: Request): boolean {
  return streamed.has(request);
}

/**
 * Whether the caller may abort `request` through its own signal. Only the
 * typed client's requests are known to have none; any other Request is
 * assumed abortable.
 */
export function mayBeAbortedByCaller(request: Request): boolean {
  return !withoutCallerSignal.has(request);
}
