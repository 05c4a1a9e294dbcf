import type { CallOptions } from "./options.js";

/** The attribute names of T (of every member when T is a union). */
type KeysOf<T> = T extends unknown ? keyof T & string : never;

/**
 * An attribute name for `fields`: the resource's own attribute names are
 * suggested by the editor, and any other name Box knows is still accepted
 * (Box has attributes this client does not model, such as `permissions`).
 */
export type FieldName<T> = KeysOf<T> | (string & Record<never, never>);

/** Options of reads that can narrow the attributes of the returned resource T. */
export interface TypedFieldsOptions<T> extends CallOptions {
  /** Attributes to return, sent comma-joined; Box then returns only these plus `id` and `type`. */
  fields?: readonly FieldName<T>[];
}
