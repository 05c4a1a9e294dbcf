import { BoxValidationError } from "./errors.js";

const DIGITS = /^[0-9]+$/;
// Control characters are refused by Box and would corrupt headers and paths.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * An item or user identifier: a non-empty string of digits ("0" is the root
 * folder). Anything else, like "../users/me", could rewrite the request path,
 * so it is refused before a request is built.
 */
export function requireId(argument: string, value: unknown): string {
  if (typeof value !== "string") throw new BoxValidationError(argument, `expected a string of digits, got ${typeof value}`);
  if (!DIGITS.test(value)) throw new BoxValidationError(argument, "expected a string of digits such as \"12345\"");
  return value;
}

/** A file or folder name as Box accepts it: 1-255 characters, no slashes, not "." or "..". */
export function requireName(argument: string, value: unknown): string {
  if (typeof value !== "string") throw new BoxValidationError(argument, `expected a string, got ${typeof value}`);
  if (value.length === 0) throw new BoxValidationError(argument, "must not be empty");
  if (value.length > 255) throw new BoxValidationError(argument, `must be at most 255 characters (got ${value.length})`);
  if (value.includes("/") || value.includes("\\")) throw new BoxValidationError(argument, "must not contain \"/\" or \"\\\"");
  if (value === "." || value === "..") throw new BoxValidationError(argument, "must not be \".\" or \"..\"");
  if (CONTROL.test(value)) throw new BoxValidationError(argument, "must not contain control characters");
  if (value !== value.trimEnd()) throw new BoxValidationError(argument, "must not end with whitespace");
  return value;
}

/** An optional whole number within [min, max]. */
export function optionalInteger(argument: string, value: number | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BoxValidationError(argument, `expected a whole number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** Attribute names for `fields`: non-empty, and no commas (they would split into two). */
export function optionalFields(argument: string, value: readonly string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new BoxValidationError(argument, "expected an array of attribute names");
  for (const field of value) {
    if (typeof field !== "string" || field.length === 0 || field.includes(",") || CONTROL.test(field)) {
      throw new BoxValidationError(argument, `invalid attribute name ${JSON.stringify(field)}`);
    }
  }
  return [...value];
}

/** A non-empty string without control characters (tokens, etags, client ids). */
export function requireText(argument: string, value: unknown): string {
  if (typeof value !== "string" || value.length === 0) throw new BoxValidationError(argument, "expected a non-empty string");
  if (CONTROL.test(value)) throw new BoxValidationError(argument, "must not contain control characters");
  return value;
}

/** An optional non-empty string without control characters. */
export function optionalText(argument: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : requireText(argument, value);
}

/** A base URL: absolute http(s), returned without a trailing slash. */
export function requireBaseUrl(argument: string, value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new BoxValidationError(argument, "expected an absolute URL such as https://api.box.com/2.0");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new BoxValidationError(argument, "expected an http or https URL");
  return value.replace(/\/+$/, "");
}
