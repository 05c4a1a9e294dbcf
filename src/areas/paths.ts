import type { File } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { pathOfFile, type FileWithPath } from "../paths.js";
import { requireId } from "../validate.js";

const PATH_FIELDS: Array<keyof File & string> = ["name", "path_collection"];

export function pathMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * A file's path from the root, as `/a/b/name` ("All Files" left out).
     * Given a file object that already has `name` and `path_collection`, no
     * request is made; given an id, those two attributes are read first.
     *
     * @example
     * await client.getPathOfFile("12345"); // "/Documents/hello.txt"
     * await client.getPathOfFile(file);    // from the object, no request
     */
    async getPathOfFile(file: string | FileWithPath, options: CallOptions = {}): Promise<string> {
      if (typeof file !== "string") return pathOfFile(file);
      const id = requireId("file", file);
      const fetched = unwrapBody(
        await api.GET("/files/{file_id}", { params: { path: { file_id: id }, query: { fields: PATH_FIELDS } }, ...via(context, options) }),
      );
      return pathOfFile(fetched);
    },
  };
}

export type PathMethods = ReturnType<typeof pathMethods>;
