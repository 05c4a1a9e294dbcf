import { describe, expect, it } from "vitest";
import { BoxValidationError, pathOfFile, ShareAccess } from "../../src/index.js";

const folder = (id: string, name: string) => ({ id, type: "folder" as const, name });

describe("pathOfFile", () => {
  it("joins the parents and the name, leaving out All Files", () => {
    const file = { name: "hello.txt", path_collection: { total_count: 3, entries: [folder("0", "All Files"), folder("1", "a"), folder("2", "b")] } };
    expect(pathOfFile(file)).toBe("/a/b/hello.txt");
  });

  it("leaves out the root by id, whatever its localised name", () => {
    const file = { name: "x.txt", path_collection: { total_count: 1, entries: [folder("0", "Alle Dateien")] } };
    expect(pathOfFile(file)).toBe("/x.txt");
  });

  it("asks for name and path_collection when they are missing", () => {
    expect(() => pathOfFile({ name: "x.txt" })).toThrow(BoxValidationError);
  });
});

describe("ShareAccess", () => {
  it("maps the constant names to Box's access values", () => {
    expect(ShareAccess).toEqual({ OPEN: "open", COMPANY: "company", COLLABORATORS: "collaborators" });
  });
});
