import { BoxValidationError } from "./errors.js";
import { requireId, requireText } from "./validate.js";

/** An optional value from a fixed set, for callers that bypass the types. */
export function optionalChoice<T extends string>(argument: string, value: T | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!choices.includes(value)) throw new BoxValidationError(argument, `expected one of ${choices.join(", ")}, got ${JSON.stringify(value)}`);
  return value;
}

/** An optional non-empty list of values from a fixed set. */
export function optionalChoiceList<T extends string>(argument: string, value: readonly T[] | undefined, choices: readonly T[]): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) throw new BoxValidationError(argument, "expected a non-empty array");
  return value.map((item, index) => {
    if (!choices.includes(item)) throw new BoxValidationError(`${argument}[${index}]`, `expected one of ${choices.join(", ")}, got ${JSON.stringify(item)}`);
    return item;
  });
}

/** An optional true/false, checked at run time for callers that bypass the types. */
export function optionalBoolean(argument: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  throw new BoxValidationError(argument, `expected true or false, got ${typeof value}`);
}

/** An optional non-empty list of ids (each a string of digits). */
export function optionalIdList(argument: string, value: readonly string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) throw new BoxValidationError(argument, "expected a non-empty array of ids");
  return value.map((id, index) => requireId(`${argument}[${index}]`, id));
}

/** An optional non-empty list of words that go into a comma-joined query value, so no commas. */
export function optionalWordList(argument: string, value: readonly string[] | undefined, forbidden = /,/): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) throw new BoxValidationError(argument, "expected a non-empty array");
  return value.map((word, index) => {
    const text = requireText(`${argument}[${index}]`, word);
    if (forbidden.test(text)) throw new BoxValidationError(`${argument}[${index}]`, `must not match ${String(forbidden)}`);
    return text;
  });
}

/** A point in time as Box writes it (RFC 3339), from a Date or a string that parses as one. */
export function requireTimestamp(argument: string, value: unknown): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new BoxValidationError(argument, "is an invalid Date");
    return value.toISOString().replace(/\.\d{3}Z$/, "Z");
  }
  const text = requireText(argument, value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new BoxValidationError(argument, "expected a Date or an RFC 3339 time such as 2030-01-01T00:00:00Z");
  }
  return text;
}

/** An optional `from,to` pair for a range query; either end may be left open, not both. */
export function optionalRange<T>(argument: string, range: { from?: T; to?: T } | undefined, format: (name: string, value: T) => string): [string, string] | undefined {
  if (range === undefined) return undefined;
  if (typeof range !== "object" || range === null) throw new BoxValidationError(argument, "expected { from?, to? }");
  if (range.from === undefined && range.to === undefined) throw new BoxValidationError(argument, "give `from`, `to` or both");
  const from = range.from === undefined ? "" : format(`${argument}.from`, range.from);
  const to = range.to === undefined ? "" : format(`${argument}.to`, range.to);
  return [from, to];
}
