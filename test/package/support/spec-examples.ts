import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * What Prism answers with, read from the bundled document it serves, so the
 * packaging tests assert real values without copying them.
 */
const document: unknown = JSON.parse(readFileSync(fileURLToPath(new URL("../../../generated/openapi.json", import.meta.url)), "utf8"));

function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== "object" || current === null || !(key in current)) throw new Error(`spec has no ${keys.join(".")}`);
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function names(entries: unknown): string[] {
  if (!Array.isArray(entries)) throw new Error("expected a list of entries");
  return entries.map((entry) => String(at(entry, "name")));
}

export const expected = {
  /** The current user's name in the `User` example (`GET /users/me`). */
  userName: String(at(document, "components", "examples", "User", "value", "name")),
  /** Entry names of the first `GET /folders/{id}/items` example. */
  rootEntryNames: names(at(document, "components", "examples", "Items", "value", "entries")),
  /** The uploaded file's name in the `POST /files/content` example. */
  uploadedName: names(
    at(document, "paths", "/files/content", "post", "responses", "201", "content", "application/json", "examples", "uploaded", "value", "entries"),
  )[0],
};
