/**
 * A local stand-in for Box's upload and download hosts, strict where Box is
 * strict: multipart order, `content-md5`, `Digest` on parts and commit,
 * `Content-Range` alignment and overlap, commit answering 202 the first time,
 * If-Match on new versions, and a download 302 to a second origin that must
 * never see the bearer token. Used by the reliability tests and the transfer
 * benchmark; it keeps no uploaded content it does not need (parts are hashed
 * as they arrive), so a 1 GiB upload costs it a few parts of memory.
 * Binds 127.0.0.1 only.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TransferServerOptions {
  /** Part size the sessions ask for. Default 8 MiB, as Box usually does. */
  partSize?: number;
  /** Delay before answering each part, in ms (simulated latency). Default 0. */
  partLatencyMs?: number;
  /** Answer the first commit of each session with 202 + Retry-After: 0. Default true. */
  commit202?: boolean;
  /** Offsets whose FIRST upload attempt gets a 500 (the part must be retried alone). */
  failPartOnce?: number[];
  /**
   * Hold part answers until this many parts are in flight at once (or every
   * part still missing is): proves parallelism without depending on timing.
   */
  partBarrier?: number;
  /** Answer the first download of each file with 202 + Retry-After: 0. Default false. */
  download202?: boolean;
}

export interface StoredFile {
  id: string;
  name: string;
  size: number;
  sha1: string;
  etag: string;
  /** Kept only for files up to 64 MiB, for downloads in tests. */
  bytes?: Buffer;
}

interface Session {
  id: string;
  folderId: string;
  fileId?: string;
  name: string;
  size: number;
  parts: Map<number, { part_id: string; offset: number; size: number; sha1: string }>;
  hash: ReturnType<typeof createHash>;
  hashedUpTo: number;
  pending: Map<number, Buffer>;
  kept: Buffer[] | undefined;
  commits: number;
}

/** What the server saw, for assertions. */
export interface TransferLog {
  /** Every request: method, path, and whether it carried Authorization. */
  requests: Array<{ host: "api" | "download"; method: string; path: string; authorization: boolean; contentMd5: boolean; status: number }>;
  partAttempts: Map<number, number>;
  maxPartsInFlight: number;
  aborted: string[];
  commits: number;
}

const KEEP_LIMIT = 64 * 1024 * 1024;
/** Synthetic files served by pattern, never stored: id -> size. */
const PATTERN = randomBytes(1024 * 1024);

export class TransferServer {
  readonly files = new Map<string, StoredFile>();
  readonly log: TransferLog = { requests: [], partAttempts: new Map(), maxPartsInFlight: 0, aborted: [], commits: 0 };
  private readonly sessions = new Map<string, Session>();
  private readonly synthetic = new Map<string, number>();
  private readonly downloadsSeen = new Set<string>();
  private inFlight = 0;
  private waiting: Array<() => void> = [];
  private nextId = 1000;
  private api?: Server;
  private download?: Server;
  apiUrl = "";
  downloadOrigin = "";

  constructor(private readonly options: TransferServerOptions = {}) {}

  async start(): Promise<this> {
    this.api = createServer((req, res) => void this.handleApi(req, res));
    this.download = createServer((req, res) => this.handleDownload(req, res));
    this.apiUrl = `http://127.0.0.1:${await listen(this.api)}/2.0`;
    this.downloadOrigin = `http://127.0.0.1:${await listen(this.download)}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const server of [this.api, this.download]) {
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve));
    }
  }

  /** A file of `size` pattern bytes, served for downloads without being stored. */
  addSyntheticFile(size: number): string {
    const id = String(this.nextId++);
    this.synthetic.set(id, size);
    return id;
  }

  static patternSha1(size: number): string {
    const hash = createHash("sha1");
    for (let offset = 0; offset < size; offset += PATTERN.length) hash.update(PATTERN.subarray(0, Math.min(PATTERN.length, size - offset)));
    return hash.digest("hex");
  }

  private record(req: IncomingMessage, host: "api" | "download", status: number) {
    this.log.requests.push({ host, method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization !== undefined, contentMd5: req.headers["content-md5"] !== undefined, status });
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://local");
    const path = url.pathname.replace(/^\/2\.0/, "");
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      this.record(req, "api", status);
      res.writeHead(status, body === undefined ? headers : { "content-type": "application/json", ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const fail = (status: number, code: string) => send(status, { type: "error", status, code, message: code, request_id: "local" });
    try {
      if (req.headers.authorization !== "Bearer test-token") return fail(401, "unauthorized");
      let match: RegExpMatchArray | null;
      if (req.method === "POST" && path === "/files/content") return await this.simpleUpload(req, undefined, send, fail);
      if (req.method === "POST" && (match = path.match(/^\/files\/(\d+)\/content$/))) return await this.simpleUpload(req, match[1], send, fail);
      if (req.method === "POST" && path === "/files/upload_sessions") return this.createSession(JSON.parse(await text(req)), undefined, send, fail);
      if (req.method === "POST" && (match = path.match(/^\/files\/(\d+)\/upload_sessions$/))) return this.createSession(JSON.parse(await text(req)), match[1], send, fail);
      if ((match = path.match(/^\/files\/upload_sessions\/(\w+)(\/commit|\/parts)?$/))) {
        const session = this.sessions.get(match[1] ?? "");
        if (session === undefined) return fail(404, "not_found");
        if (match[2] === "/parts" && req.method === "GET") {
          const entries = [...session.parts.values()].sort((a, b) => a.offset - b.offset);
          return send(200, { entries, total_count: entries.length, offset: 0, limit: 1000 });
        }
        if (match[2] === undefined && req.method === "GET") {
          return send(200, { id: session.id, type: "upload_session", part_size: this.options.partSize ?? 8 * 1024 * 1024, total_parts: Math.ceil(session.size / (this.options.partSize ?? 8 * 1024 * 1024)), num_parts_processed: session.parts.size });
        }
        if (match[2] === "/commit" && req.method === "POST") return this.commit(req, session, JSON.parse(await text(req)), send, fail);
        if (req.method === "PUT") return await this.part(req, session, send, fail);
        if (req.method === "DELETE") {
          this.sessions.delete(session.id);
          this.log.aborted.push(session.id);
          return send(204);
        }
      }
      if (req.method === "GET" && (match = path.match(/^\/files\/(\d+)\/content$/))) {
        const id = match[1] ?? "";
        if (!this.files.has(id) && !this.synthetic.has(id)) return fail(404, "not_found");
        if (this.options.download202 && !this.downloadsSeen.has(id)) {
          this.downloadsSeen.add(id);
          return send(202, undefined, { "retry-after": "0" });
        }
        // Pre-signed URL on another origin, like dl.boxcloud.com.
        return send(302, undefined, { location: `${this.downloadOrigin}/d/${id}?signature=local` });
      }
      return fail(404, "not_found");
    } catch (error) {
      if (!res.headersSent) fail(500, `server_error: ${String(error)}`);
    }
  }

  private async simpleUpload(req: IncomingMessage, fileId: string | undefined, send: Send, fail: Fail) {
    const type = req.headers["content-type"] ?? "";
    const boundary = type.match(/^multipart\/form-data; boundary=(.+)$/)?.[1];
    if (boundary === undefined) return fail(400, "bad_request");
    const parts = parseMultipart(await buffer(req), boundary);
    if (parts[0]?.name !== "attributes" || parts[1]?.name !== "file" || parts.length !== 2) return fail(400, "metadata_after_file_contents");
    const attributes = JSON.parse(parts[0].body.toString("utf8"));
    const content = parts[1].body;
    const sha1 = createHash("sha1").update(content).digest("hex");
    const md5 = req.headers["content-md5"];
    if (md5 !== undefined && md5 !== sha1) return fail(400, "bad_digest");
    if (fileId !== undefined) {
      const existing = this.files.get(fileId);
      if (existing === undefined) return fail(404, "not_found");
      if (req.headers["if-match"] !== undefined && req.headers["if-match"] !== existing.etag) return fail(412, "precondition_failed");
      const file = this.store(fileId, attributes.name ?? existing.name, content.length, sha1, content, String(Number(existing.etag) + 1));
      return send(200, { total_count: 1, entries: [file] });
    }
    if (typeof attributes.name !== "string" || typeof attributes.parent?.id !== "string") return fail(400, "bad_request");
    const file = this.store(String(this.nextId++), attributes.name, content.length, sha1, content, "0");
    return send(201, { total_count: 1, entries: [file] });
  }

  private store(id: string, name: string, size: number, sha1: string, bytes: Buffer | undefined, etag: string) {
    const file: StoredFile = { id, name, size, sha1, etag, bytes: bytes !== undefined && size <= KEEP_LIMIT ? bytes : undefined };
    this.files.set(id, file);
    return { type: "file", id, name, size, sha1, etag };
  }

  private createSession(body: { folder_id?: string; file_size?: number; file_name?: string }, fileId: string | undefined, send: Send, fail: Fail) {
    if (typeof body.file_size !== "number") return fail(400, "missing_file_size");
    if (body.file_size < 20 * 1024 * 1024) return fail(400, "file_size_too_small");
    if (fileId === undefined && (typeof body.folder_id !== "string" || typeof body.file_name !== "string")) return fail(400, "missing_destination");
    if (fileId !== undefined && !this.files.has(fileId)) return fail(404, "not_found");
    const id = randomBytes(8).toString("hex").toUpperCase();
    const partSize = this.options.partSize ?? 8 * 1024 * 1024;
    const session: Session = {
      id,
      folderId: body.folder_id ?? "",
      fileId,
      name: body.file_name ?? this.files.get(fileId ?? "")?.name ?? "file",
      size: body.file_size,
      parts: new Map(),
      hash: createHash("sha1"),
      hashedUpTo: 0,
      pending: new Map(),
      kept: body.file_size <= KEEP_LIMIT ? [] : undefined,
      commits: 0,
    };
    this.sessions.set(id, session);
    const base = `${this.apiUrl}/files/upload_sessions/${id}`;
    return send(201, {
      id,
      type: "upload_session",
      part_size: partSize,
      total_parts: Math.ceil(body.file_size / partSize),
      num_parts_processed: 0,
      session_endpoints: { upload_part: base, commit: `${base}/commit`, abort: base, list_parts: `${base}/parts`, status: base, log_event: `${base}/log` },
    });
  }

  private async part(req: IncomingMessage, session: Session, send: Send, fail: Fail) {
    this.inFlight++;
    this.log.maxPartsInFlight = Math.max(this.log.maxPartsInFlight, this.inFlight);
    try {
      const partSize = this.options.partSize ?? 8 * 1024 * 1024;
      const range = (req.headers["content-range"] ?? "").match(/^bytes (\d+)-(\d+)\/(\d+)$/);
      const body = await buffer(req);
      await this.barrier(session);
      if (this.options.partLatencyMs) await new Promise((resolve) => setTimeout(resolve, this.options.partLatencyMs));
      if (range === null) return fail(400, "missing_content_range");
      const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
      const attempts = (this.log.partAttempts.get(start) ?? 0) + 1;
      this.log.partAttempts.set(start, attempts);
      if (attempts === 1 && this.options.failPartOnce?.includes(start)) return fail(500, "internal_server_error");
      const lastPart = end === session.size - 1;
      if (total !== session.size || start % partSize !== 0 || end >= session.size || end - start + 1 !== body.length) return fail(416, "requested_range_not_satisfiable");
      if (!lastPart && body.length !== partSize) return fail(416, "requested_range_not_satisfiable");
      if (session.parts.has(start)) return fail(416, "range_overlaps_existing_part");
      const digest = createHash("sha1").update(body).digest();
      if (req.headers.digest !== `sha=${digest.toString("base64")}`) return fail(400, "bad_digest");
      const part = { part_id: randomBytes(4).toString("hex").toUpperCase(), offset: start, size: body.length, sha1: digest.toString("hex") };
      session.parts.set(start, part);
      session.pending.set(start, body);
      for (let next = session.pending.get(session.hashedUpTo); next !== undefined; next = session.pending.get(session.hashedUpTo)) {
        session.pending.delete(session.hashedUpTo);
        session.hash.update(next);
        session.kept?.push(next);
        session.hashedUpTo += next.length;
      }
      return send(200, { part });
    } finally {
      this.inFlight--;
    }
  }

  private barrier(session: Session): Promise<void> | undefined {
    const wanted = this.options.partBarrier;
    if (wanted === undefined) return undefined;
    const missing = Math.ceil(session.size / (this.options.partSize ?? 8 * 1024 * 1024)) - session.parts.size;
    if (this.inFlight >= Math.min(wanted, missing)) {
      for (const release of this.waiting.splice(0)) release();
      return undefined;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private commit(req: IncomingMessage, session: Session, body: { parts?: Array<{ part_id: string; offset: number; size: number; sha1: string }> }, send: Send, fail: Fail) {
    this.log.commits++;
    session.commits++;
    const stored = [...session.parts.values()].sort((a, b) => a.offset - b.offset);
    const key = (part: { part_id: string; offset: number; size: number; sha1: string }) => `${part.part_id}:${part.offset}:${part.size}:${part.sha1}`;
    if ((body.parts ?? []).map(key).join() !== stored.map(key).join()) return fail(400, "invalid_parts");
    if (session.hashedUpTo !== session.size) return fail(400, "missing_parts");
    if (this.options.commit202 !== false && session.commits === 1) return send(202, undefined, { "retry-after": "0" });
    const sha1 = session.hash.copy().digest();
    if (req.headers.digest !== `sha=${sha1.toString("base64")}`) return fail(400, "bad_digest");
    if (session.fileId !== undefined) {
      const existing = this.files.get(session.fileId);
      if (existing && req.headers["if-match"] !== undefined && req.headers["if-match"] !== existing.etag) return fail(412, "precondition_failed");
    }
    this.sessions.delete(session.id);
    const id = session.fileId ?? String(this.nextId++);
    const etag = String(Number(this.files.get(id)?.etag ?? "-1") + 1);
    const file = this.store(id, session.name, session.size, sha1.toString("hex"), session.kept ? Buffer.concat(session.kept) : undefined, etag);
    return send(201, { total_count: 1, entries: [file] });
  }

  private handleDownload(req: IncomingMessage, res: ServerResponse): void {
    const id = new URL(req.url ?? "/", "http://local").pathname.replace(/^\/d\//, "");
    const file = this.files.get(id);
    const size = file?.size ?? this.synthetic.get(id);
    if (size === undefined) {
      this.record(req, "download", 404);
      res.writeHead(404).end();
      return;
    }
    const range = (req.headers.range ?? "").match(/^bytes=(\d+)-(\d*)$/);
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] !== "" ? Math.min(Number(range[2]), size - 1) : size - 1;
    const status = range ? 206 : 200;
    this.record(req, "download", status);
    res.writeHead(status, {
      "content-type": "application/octet-stream",
      "content-length": String(end - start + 1),
      ...(range ? { "content-range": `bytes ${start}-${end}/${size}` } : {}),
    });
    if (file?.bytes !== undefined) {
      res.end(file.bytes.subarray(start, end + 1));
      return;
    }
    // Pattern bytes, written with backpressure so neither side buffers.
    let offset = start;
    const pump = () => {
      while (offset <= end) {
        const from = offset % PATTERN.length;
        const chunk = PATTERN.subarray(from, Math.min(PATTERN.length, from + end - offset + 1));
        offset += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    pump();
  }
}

type Send = (status: number, body?: unknown, headers?: Record<string, string>) => void;
type Fail = (status: number, code: string) => void;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

async function buffer(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function text(req: IncomingMessage): Promise<string> {
  return (await buffer(req)).toString("utf8");
}

/** A strict reader of a multipart/form-data body: the parts in order, with their names. */
function parseMultipart(body: Buffer, boundary: string): Array<{ name: string; body: Buffer }> {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Array<{ name: string; body: Buffer }> = [];
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const raw = body.subarray(start + 2, next - 2);
    const split = raw.indexOf("\r\n\r\n");
    const head = raw.subarray(0, split).toString("utf8");
    const name = head.match(/name="([^"]+)"/)?.[1] ?? "";
    parts.push({ name, body: raw.subarray(split + 4) });
    position = next;
  }
  return parts;
}
