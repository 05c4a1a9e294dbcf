import { BoxValidationError } from "./errors.js";
import { requireTimestamp } from "./validate-options.js";

// Free text may hold newlines and tabs; other control characters are refused.
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LOGIN = /^[^\s@]+@[^\s@]+$/;

/** Free text such as a comment: a non-empty string; newlines are fine. */
export function requireMessage(argument: string, value: unknown): string {
  if (typeof value !== "string") throw new BoxValidationError(argument, `expected a string, got ${typeof value}`);
  if (value.trim().length === 0) throw new BoxValidationError(argument, "must not be empty");
  if (CONTROL_EXCEPT_WHITESPACE.test(value)) throw new BoxValidationError(argument, "must not contain control characters");
  return value;
}

/** Optional free text that may be empty (a task's note, an assignee's answer). */
export function optionalNote(argument: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new BoxValidationError(argument, `expected a string, got ${typeof value}`);
  if (CONTROL_EXCEPT_WHITESPACE.test(value)) throw new BoxValidationError(argument, "must not contain control characters");
  return value;
}

/**
 * An optional point in time for Box: a valid Date, or an RFC 3339 string with
 * a time zone (`2012-12-12T10:53:43-08:00`). Dates are sent in UTC to the second.
 */
export function optionalDateTime(argument: string, value: unknown): string | undefined {
  return value === undefined ? undefined : requireTimestamp(argument, value);
}

/** A user's login (e-mail address), as Box accepts it to name a user. */
export function requireLogin(argument: string, value: unknown): string {
  if (typeof value !== "string" || !LOGIN.test(value)) throw new BoxValidationError(argument, "expected an e-mail address such as \"dylan@example.com\"");
  return value;
}
