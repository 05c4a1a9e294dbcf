import { BoxValidationError } from "../errors.js";

/** The spec values a constants object leaves out (`never` when it names them all). */
export type MissingSpecValues<Value extends string, Members extends Record<string, Value>> = Exclude<Value, Members[keyof Members]>;

/**
 * Defines box.py-style constants (`CollaboratorRole.EDITOR`) for an enum of the
 * OpenAPI document, checked against its generated type in both directions:
 * a constant whose value the spec does not list fails to compile, and so does
 * a spec value that has no constant. A spec change therefore shows up as a
 * compiler error here after `npm run generate`, never as silent drift.
 *
 * Curried so the spec type is given explicitly while the member names and
 * literal values are inferred.
 *
 * @example
 * import type { CollaboratorRole as Role } from "../../generated/box-api.js";
 * export const CollaboratorRole = specEnum<Role>()({ EDITOR: "editor", VIEWER: "viewer", ... });
 * export type CollaboratorRole = Role;
 */
export function specEnum<Value extends string>() {
  return <const Members extends Record<string, Value>>(
    members: Members &
      ([MissingSpecValues<Value, Members>] extends [never] ? unknown : { "constants missing for spec values": MissingSpecValues<Value, Members> }),
  ): Readonly<Members> => Object.freeze(members);
}

/** Whether `value` is one of the constants' values. */
export function isSpecValue<Value extends string>(value: unknown, members: Readonly<Record<string, Value>>): value is Value {
  return Object.values(members).some((member) => member === value);
}

/**
 * `value` if it is one of the constants' values; otherwise a
 * BoxValidationError naming the argument and listing the accepted values.
 */
export function requireSpecValue<Value extends string>(argument: string, value: unknown, members: Readonly<Record<string, Value>>): Value {
  if (isSpecValue(value, members)) return value;
  const allowed = Object.values(members).map((member) => JSON.stringify(member));
  throw new BoxValidationError(argument, `expected one of ${allowed.join(", ")}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : typeof value;
}
