import type { Folder } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { BoxValidationError } from "../errors.js";
import type { FieldsOptions } from "../fields.js";
import { unwrap, unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { optionalBoolean } from "../validate-options.js";
import { optionalFields, optionalText, requireId, requireName } from "../validate.js";

/** Options of {@link FolderEditMethods.copyFolder}. */
export interface CopyFolderOptions extends FieldsOptions<Folder> {
  /** The copy's name; the source's name when left out. */
  newName?: string;
}

/** Options of {@link FolderEditMethods.moveFolder}. */
export interface MoveFolderOptions extends FieldsOptions<Folder> {
  /** Move only if the folder's etag is still this value (else PreconditionFailedError). */
  etag?: string;
}

/** Options of {@link FolderEditMethods.deleteFolder}. */
export interface DeleteFolderOptions extends CallOptions {
  /** Delete only if the folder's etag is still this value (else PreconditionFailedError). */
  etag?: string;
  /** Delete a folder that still has content, with everything in it. Without it Box refuses (400 `folder_not_empty`). */
  recursive?: boolean;
}

/** The root cannot be moved or deleted; saying so early beats Box's vaguer answer. */
function requireNonRootId(argument: string, value: string): string {
  const id = requireId(argument, value);
  if (id === "0") throw new BoxValidationError(argument, "the root folder \"0\" cannot be moved or deleted");
  return id;
}

export function folderEditMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * Creates an empty folder; in the root unless `parentId` says otherwise.
     *
     * @example
     * const folder = await client.createFolder("Reports");
     * const nested = await client.createFolder("2026", folder.id);
     */
    async createFolder(name: string, parentId: string = "0", options: FieldsOptions<Folder> = {}): Promise<Folder> {
      const folderName = requireName("name", name);
      const parent = requireId("parentId", parentId);
      const fields = optionalFields("options.fields", options.fields);
      return unwrapBody(
        await api.POST("/folders", { params: { query: { fields } }, body: { name: folderName, parent: { id: parent } }, ...via(context, options) }),
      );
    },

    /**
     * Copies a folder and everything in it into another folder.
     *
     * @example
     * const copy = await client.copyFolder("4353455", "0", { newName: "Documents (copy)" });
     */
    async copyFolder(folderId: string, parentId: string, options: CopyFolderOptions = {}): Promise<Folder> {
      const id = requireId("folderId", folderId);
      const parent = requireId("parentId", parentId);
      const name = options.newName === undefined ? undefined : requireName("options.newName", options.newName);
      const fields = optionalFields("options.fields", options.fields);
      return unwrapBody(
        await api.POST("/folders/{folder_id}/copy", {
          params: { path: { folder_id: id }, query: { fields } },
          body: { parent: { id: parent }, name },
          ...via(context, options),
        }),
      );
    },

    /**
     * Moves a folder into another folder. The request carries the new parent
     * and nothing else, because Box refuses a move combined with other changes.
     *
     * @example
     * await client.moveFolder("4353455", "0");
     */
    async moveFolder(folderId: string, parentId: string, options: MoveFolderOptions = {}): Promise<Folder> {
      const id = requireNonRootId("folderId", folderId);
      const parent = requireId("parentId", parentId);
      const etag = optionalText("options.etag", options.etag);
      const fields = optionalFields("options.fields", options.fields);
      return unwrapBody(
        await api.PUT("/folders/{folder_id}", {
          params: { path: { folder_id: id }, query: { fields }, header: { "if-match": etag } },
          body: { parent: { id: parent } },
          ...via(context, options),
        }),
      );
    },

    /**
     * Moves a folder to the trash. A folder with content needs `recursive: true`.
     *
     * @example
     * await client.deleteFolder("4353455", { recursive: true, etag: folder.etag ?? undefined });
     */
    async deleteFolder(folderId: string, options: DeleteFolderOptions = {}): Promise<void> {
      const id = requireNonRootId("folderId", folderId);
      const etag = optionalText("options.etag", options.etag);
      const recursive = optionalBoolean("options.recursive", options.recursive);
      unwrap(
        await api.DELETE("/folders/{folder_id}", {
          params: { path: { folder_id: id }, query: { recursive }, header: { "if-match": etag } },
          ...via(context, options),
        }),
      );
    },
  };
}

export type FolderEditMethods = ReturnType<typeof folderEditMethods>;
