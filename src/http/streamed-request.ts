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

export class BoxRequest extends Request {
  constructor(input: RequestInfo | URL, init?: StreamingRequestInit) {
    const oneShot = isStream(init?.body);
    const withDuplex: StreamingRequestInit | undefined = oneShot && init?.duplex === undefined ? { ...init, duplex: "half" } : init;
    super(input, withDuplex);
    if (oneShot) streamed.add(this);
    if (init?.signal == null) withoutCallerSignal.add(this);
  }
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
