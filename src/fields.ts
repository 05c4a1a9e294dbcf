import type { CallOptions } from "./options.js";

/** The attribute names of T (of every member when T is a union). */
type KeysOf<T> = T extends unknown ? keyof T & string : never;

/**
 * An attribute name for `fields`: the resource's own attribute names are
 * suggested by the editor, and any other name Box knows is still accepted
 * (Box has attributes this client does not model, such as `permissions`).
 */
export type FieldName<T> = KeysOf<T> | (string & Record<never, never>);

/**
 * Options of reads that can narrow the returned attributes. `T` is the
 * resource read, so the editor suggests its attribute names; any other
 * attribute name Box knows is still accepted.
 */
export interface FieldsOptions<T = unknown> extends CallOptions {
  /** Attributes to return, sent comma-joined; Box then returns only these plus `id`, `type` (and `etag`). */
  fields?: readonly FieldName<T>[];
}
