import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  BoxValidationError,
  CollaborationStatus,
  CollaboratorRole,
  CommentItemType,
  RESOLUTION_STATES_BY_ACTION,
  ResolutionState,
  TaskAction,
  TaskCompletionRule,
} from "../../src/index.js";
import { requireSpecValue, specEnum } from "../../src/enums/spec-enum.js";

// The bundled document the build produced from spec/ (not Box's reference copy).
const bundled: { components: { schemas: Record<string, { enum?: unknown[] }> } } = JSON.parse(
  readFileSync(new URL("../../generated/openapi.json", import.meta.url), "utf8"),
);
const specValues = (schema: string) => [...(bundled.components.schemas[schema]?.enum ?? [])].sort();

describe("spec enum constants", () => {
  it.each([
    ["CollaboratorRole", CollaboratorRole],
    ["CollaborationStatus", CollaborationStatus],
    ["TaskAction", TaskAction],
    ["TaskCompletionRule", TaskCompletionRule],
    ["ResolutionState", ResolutionState],
    ["CommentItemType", CommentItemType],
  ])("%s holds exactly the values of the spec's enum", (schema, constants) => {
    expect(specValues(schema).length).toBeGreaterThan(0);
    expect(Object.values(constants).sort()).toEqual(specValues(schema));
  });

  it("spells box.py's CollaboratorRole names with Box's values", () => {
    expect(CollaboratorRole.EDITOR).toBe("editor");
    expect(CollaboratorRole.PREVIEWER_UPLOADER).toBe("previewer uploader");
    expect(CollaboratorRole.VIEWER_UPLOADER).toBe("viewer uploader");
    expect(CollaboratorRole.CO_OWNER).toBe("co-owner");
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(CollaboratorRole)).toBe(true);
  });

  it("lists, for each task action, only resolution states of the spec", () => {
    expect(Object.keys(RESOLUTION_STATES_BY_ACTION).sort()).toEqual(specValues("TaskAction"));
    for (const states of Object.values(RESOLUTION_STATES_BY_ACTION)) {
      for (const state of states) expect(specValues("ResolutionState")).toContain(state);
    }
  });
});

describe("specEnum", () => {
  type Letter = "a" | "b";

  it("keeps each member's literal value", () => {
    const Letters = specEnum<Letter>()({ A: "a", B: "b" });
    const a: "a" = Letters.A;
    expect(a).toBe("a");
  });

  it("does not compile when a spec value has no constant, or a constant is not in the spec", () => {
    // The checks are the compiler's (npm run lint); each line must fail to type-check.
    // @ts-expect-error "b" has no constant
    const missing = specEnum<Letter>()({ A: "a" });
    // @ts-expect-error "c" is not a spec value
    const extra = specEnum<Letter>()({ A: "a", B: "b", C: "c" });
    expect([missing, extra]).toHaveLength(2);
  });
});

describe("requireSpecValue", () => {
  it("returns a listed value", () => {
    expect(requireSpecValue("options.role", "editor", CollaboratorRole)).toBe("editor");
  });

  it("throws a BoxValidationError naming the argument and the accepted values", () => {
    const error = (() => {
      try {
        return requireSpecValue("options.role", "viewer-uploader", CollaboratorRole);
      } catch (e: unknown) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BoxValidationError);
    expect(error).toMatchObject({ argument: "options.role" });
    expect(String(error)).toContain('"viewer uploader"');
  });

  it("refuses a value that is not a string without echoing it", () => {
    expect(() => requireSpecValue("type", { toString: () => "file" }, CommentItemType)).toThrow(/got object/);
  });
});
