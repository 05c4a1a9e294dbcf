/** An incremental SHA-1: feed bytes in order, then read the 20-byte digest once. */
export interface Sha1 {
  update(bytes: Uint8Array): unknown;
  digest(): Uint8Array;
}

/** Makes a fresh {@link Sha1}. The Node entry offers a faster one (`nodeSha1`). */
export type Sha1Factory = () => Sha1;

let portable: Promise<Sha1Factory> | undefined;

/**
 * The runtime-neutral default: @noble/hashes, because WebCrypto has no
 * incremental digest and a streamed upload must be hashed as it passes.
 * Loaded on the first upload rather than at import, which it would slow
 * by about 7 ms.
 *
 * @example
 * const sha1 = (await loadPortableSha1())();
 * sha1.update(new TextEncoder().encode("hello world"));
 */
export function loadPortableSha1(): Promise<Sha1Factory> {
  portable ??= import("@noble/hashes/legacy").then(({ sha1 }) => () => sha1.create());
  return portable;
}

/** SHA-1 of bytes already in memory (one part), with the platform's native WebCrypto. */
export async function sha1Of(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-1", bytes));
}

export function toHex(digest: Uint8Array): string {
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function toBase64(digest: Uint8Array): string {
  return btoa(String.fromCharCode(...digest));
}

/** The `Digest` header value Box wants for parts and commits. */
export function digestHeader(digest: Uint8Array): string {
  return `sha=${toBase64(digest)}`;
}
