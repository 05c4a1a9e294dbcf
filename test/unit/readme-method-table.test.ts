import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BoxClient } from "../../src/index.js";

// The README's method table is the user's index of the facade: it must not
// fall behind when an area gains a method.
describe("the README method table", () => {
  it("lists every facade method of BoxClient", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const table = readme.slice(readme.indexOf("## Method table"));
    const client = new BoxClient("token");
    const methods = Object.entries(client)
      .filter(([, value]) => typeof value === "function")
      .map(([name]) => name);
    expect(methods.length).toBeGreaterThan(50);
    expect(methods.filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
  });
});
