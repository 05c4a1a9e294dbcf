import type { File, FileVersion, FileVersions } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import type { FieldsOptions } from "../fields.js";
import { unwrapBody } from "../http/unwrap.js";
import { optionalFields, optionalInteger, optionalText, requireId, requireName } from "../validate.js";

/** Options of {@link FileEditMethods.moveFile}. */
export interface MoveFileOptions extends FieldsOptions<File> {
  /** A new name for the file in its new folder. */
  newName?: string;
  /** Move only if the file's etag is still this value (else PreconditionFailedError). */
  etag?: string;
}

/** Options of {@link FileEditMethods.getFileVersions}. */
export interface FileVersionsOptions extends FieldsOptions<FileVersion> {
  /** Versions per page, 1-1000. */
  limit?: number;
  /** Index of the first version, 0-10000. */
  offset?: number;
}

export function fileEditMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * Moves a file into another folder, optionally renaming it on the way.
     *
     * @example
     * const moved = await client.moveFile("12345", "4353455", { newName: "hello (old).txt" });
     */
    async moveFile(fileId: string, parentId: string, options: MoveFileOptions = {}): Promise<File> {
      const id = requireId("fileId", fileId);
      const parent = requireId("parentId", parentId);
      const name = options.newName === undefined ? undefined : requireName("options.newName", options.newName);
      const etag = optionalText("options.etag", options.etag);
      const fields = optionalFields("options.fields", options.fields);
      return unwrapBody(
        await api.PUT("/files/{file_id}", {
          params: { path: { file_id: id }, query: { fields }, header: { "if-match": etag } },
          body: { parent: { id: parent }, name },
          ...via(context, options),
        }),
      );
    },

    /**
     * One page of a file's earlier versions (the current one is the file's `file_version`).
     *
     * @example
     * const { entries } = await client.getFileVersions("12345");
     * for (const version of entries) console.log(version.id, version.modified_at);
     */
    async getFileVersions(fileId: string, options: FileVersionsOptions = {}): Promise<FileVersions> {
      const id = requireId("fileId", fileId);
      const query = {
        fields: optionalFields("options.fields", options.fields),
        limit: optionalInteger("options.limit", options.limit, 1, 1000),
        offset: optionalInteger("options.offset", options.offset, 0, 10000),
      };
      return unwrapBody(await api.GET("/files/{file_id}/versions", { params: { path: { file_id: id }, query }, ...via(context, options) }));
    },
  };
}

export type FileEditMethods = ReturnType<typeof fileEditMethods>;
