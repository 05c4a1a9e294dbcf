import { describe, expect, it } from "vitest";
import { DedupeWindow } from "../../src/events/dedupe-window.js";

describe("DedupeWindow", () => {
  it("admits an id once while it is within the window", () => {
    const window = new DedupeWindow(3);
    expect(["a", "b", "a", "c", "b"].map((id) => window.admit(id))).toEqual([true, true, false, true, false]);
  });

  it("forgets the oldest id once more than `size` ids were seen, so memory stays bounded", () => {
    const window = new DedupeWindow(2);
    window.admit("a");
    window.admit("b");
    window.admit("c"); // evicts "a"
    expect(window.admit("b")).toBe(false);
    expect(window.admit("a")).toBe(true);
  });

  it("admits everything when the window size is 0", () => {
    const window = new DedupeWindow(0);
    expect([window.admit("a"), window.admit("a")]).toEqual([true, true]);
  });
});
