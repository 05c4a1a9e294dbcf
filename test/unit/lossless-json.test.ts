import { describe, expect, it } from "vitest";
import { parseJsonKeepingDigits } from "../../src/events/lossless-json.js";

const KEY = ["next_stream_position"];

describe("parseJsonKeepingDigits", () => {
  it("keeps every digit of a 20-digit top-level number", () => {
    const parsed = parseJsonKeepingDigits('{"chunk_size":0,"next_stream_position":18446744073709551617,"entries":[]}', KEY);
    expect(parsed).toEqual({ chunk_size: 0, next_stream_position: "18446744073709551617", entries: [] });
    expect(JSON.parse('{"p":18446744073709551617}').p.toString()).not.toBe("18446744073709551617");
  });

  it("accepts whitespace around the colon and keeps a string position as it is", () => {
    expect(parseJsonKeepingDigits('{ "next_stream_position" :\n 12345678901234567890 }', KEY)).toEqual({ next_stream_position: "12345678901234567890" });
    expect(parseJsonKeepingDigits('{"next_stream_position":"98765432109876543210"}', KEY)).toEqual({ next_stream_position: "98765432109876543210" });
  });

  it("leaves the same key in nested objects and other numbers alone", () => {
    const parsed = parseJsonKeepingDigits('{"entries":[{"next_stream_position":5,"size":7}],"chunk_size":1,"next_stream_position":6}', KEY);
    expect(parsed).toEqual({ entries: [{ next_stream_position: 5, size: 7 }], chunk_size: 1, next_stream_position: "6" });
  });

  it("is not fooled by the key's text inside a string value", () => {
    const text = '{"name":"a \\"next_stream_position\\": 1 \\\\","next_stream_position":18446744073709551617}';
    expect(parseJsonKeepingDigits(text, KEY)).toEqual({ name: 'a "next_stream_position": 1 \\', next_stream_position: "18446744073709551617" });
  });

  it("throws on malformed JSON like JSON.parse", () => {
    expect(() => parseJsonKeepingDigits('{"next_stream_position":', KEY)).toThrow(SyntaxError);
  });
});
