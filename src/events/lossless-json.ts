const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\r\n]*/y;

/**
 * `JSON.parse`, except that a top-level key in `keys` whose value is a bare
 * number keeps that number's exact digits, as a string. Box sends
 * `next_stream_position` as a number that can exceed 2^53, where a plain
 * parse would round it to a different position.
 *
 * The text is scanned once with string state tracked, so the same key name
 * inside a nested object or inside a string value is left alone.
 */
export function parseJsonKeepingDigits(text: string, keys: readonly string[]): unknown {
  const wanted = new Set(keys);
  let rewritten = "";
  let copiedUpTo = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") depth--;
    else if (char === '"') {
      const end = closingQuote(text, i);
      if (depth === 1) {
        const at = valueStart(text, end + 1);
        const digits = at === undefined ? undefined : numberTokenAt(text, at);
        if (at !== undefined && digits !== undefined && wanted.has(decodeKey(text.slice(i, end + 1)))) {
          rewritten += `${text.slice(copiedUpTo, at)}"${digits}"`;
          copiedUpTo = at + digits.length;
          i = copiedUpTo - 1;
          continue;
        }
      }
      i = end;
    }
  }
  return JSON.parse(rewritten + text.slice(copiedUpTo));
}

/** Index of the quote that ends the string opening at `start` (or the text's end when malformed). */
function closingQuote(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

/** The text of a raw JSON string token such as `"next_stream_position"`. */
function decodeKey(raw: string): string {
  try {
    const key: unknown = JSON.parse(raw);
    return typeof key === "string" ? key : "";
  } catch {
    return "";
  }
}

/** Where a key's value starts, when `from` is just after the key: past whitespace, `:` and whitespace. */
function valueStart(text: string, from: number): number | undefined {
  WHITESPACE.lastIndex = from;
  WHITESPACE.exec(text);
  if (text[WHITESPACE.lastIndex] !== ":") return undefined;
  WHITESPACE.lastIndex += 1;
  WHITESPACE.exec(text);
  return WHITESPACE.lastIndex;
}

/** The JSON number token at `at`, if one starts there. */
function numberTokenAt(text: string, at: number): string | undefined {
  JSON_NUMBER.lastIndex = at;
  return JSON_NUMBER.exec(text)?.[0];
}
