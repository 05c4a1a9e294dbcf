import type { File } from "../generated/box-api.js";
import { BoxValidationError } from "./errors.js";

/** What {@link pathOfFile} needs of a file: its name and the folders above it. */
export type FileWithPath = Pick<File, "name" | "path_collection">;

/**
 * A file's path from the root, as `/a/b/name`. The root folder ("All Files",
 * id "0", named in the user's language) is left out, so a file in the root is
 * `/name`.
 *
 * @example
 * pathOfFile(await client.getFileMetadata("12345", { fields: ["name", "path_collection"] })); // "/Documents/hello.txt"
 */
export function pathOfFile(file: FileWithPath): string {
  if (typeof file !== "object" || file === null) throw new BoxValidationError("file", "expected a file object");
  if (typeof file.name !== "string" || file.path_collection === undefined) {
    throw new BoxValidationError("file", "needs `name` and `path_collection`; read it with fields [\"name\", \"path_collection\"]");
  }
  const folders = file.path_collection.entries.filter((folder) => folder.id !== "0").map((folder) => folder.name ?? folder.id);
  return `/${[...folders, file.name].join("/")}`;
}
