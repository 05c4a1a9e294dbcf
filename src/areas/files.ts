import type { File } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { unwrap, unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { optionalFields, optionalText, requireId, requireName } from "../validate.js";
import type { FieldsOptions } from "./users.js";

/** Options of {@link FileMethods.deleteFile}. */
export interface DeleteFileOptions extends CallOptions {
  /** Delete only if the file's etag is still this value (else PreconditionFailedError). */
  etag?: string;
}

/** Options of {@link FileMethods.copyFile}. */
export interface CopyFileOptions extends FieldsOptions<File> {
  /** The copy's name; the source's name when left out. */
  newFilename?: string;
  /** The destination folder; the source's own folder when left out. */
  parentId?: string;
  /** Copy this version instead of the current one. */
  version?: string;
}

export function fileMethods(context: ClientContext) {
  const { api } = context;

  async function getFileMetadata(fileId: string, options: FieldsOptions<File> = {}): Promise<File> {
    const id = requireId("fileId", fileId);
    const fields = optionalFields("options.fields", options.fields);
    return unwrapBody(await api.GET("/files/{file_id}", { params: { path: { file_id: id }, query: { fields } }, ...via(context, options) }));
  }

  return {
    /**
     * A file's attributes (name, size, parent, etag, ...), not its content.
     *
     * @example
     * const file = await client.getFileMetadata("12345", { fields: ["name", "size"] });
     */
    getFileMetadata,

    /**
     * Moves a file to the trash. With `etag`, only if nobody changed it since.
     *
     * @example
     * await client.deleteFile(file.id, { etag: file.etag ?? undefined });
     */
    async deleteFile(fileId: string, options: DeleteFileOptions = {}): Promise<void> {
      const id = requireId("fileId", fileId);
      const etag = optionalText("options.etag", options.etag);
      unwrap(await api.DELETE("/files/{file_id}", { params: { path: { file_id: id }, header: { "if-match": etag } }, ...via(context, options) }));
    },

    /**
     * Copies a file, into its own folder unless `parentId` says otherwise.
     *
     * @example
     * const copy = await client.copyFile("12345", { newFilename: "goodbye.txt" });
     */
    async copyFile(fileId: string, options: CopyFileOptions = {}): Promise<File> {
      const id = requireId("fileId", fileId);
      const name = options.newFilename === undefined ? undefined : requireName("options.newFilename", options.newFilename);
      const fields = optionalFields("options.fields", options.fields);
      const version = options.version === undefined ? undefined : requireId("options.version", options.version);
      let parentId = options.parentId === undefined ? undefined : requireId("options.parentId", options.parentId);
      if (parentId === undefined) {
        const source = await getFileMetadata(id, { ...options, fields: ["parent"] });
        parentId = source.parent?.id ?? "0";
      }
      return unwrapBody(
        await api.POST("/files/{file_id}/copy", {
          params: { path: { file_id: id }, query: { fields } },
          body: { parent: { id: parentId }, name, version },
          ...via(context, options),
        }),
      );
    },
  };
}

export type FileMethods = ReturnType<typeof fileMethods>;
