import type { File, Folder, Item, Items } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { BoxValidationError } from "../errors.js";
import type { FieldsOptions } from "../fields.js";
import { unwrap, unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { optionalChoice } from "../validate-options.js";
import { optionalFields, optionalInteger, optionalText, requireId, requireName } from "../validate.js";

/** Options of {@link TrashMethods.restoreFile} and {@link TrashMethods.restoreFolder}. */
export interface RestoreOptions<T> extends FieldsOptions<T> {
  /** A new name, e.g. when the old one has been taken in the meantime (else ItemAlreadyExistsError). */
  newName?: string;
  /** Where the item goes if its original folder no longer exists; ignored otherwise. */
  parentId?: string;
}

/** Options of {@link TrashMethods.getTrashItems}. */
export interface TrashItemsOptions extends FieldsOptions<Item> {
  /** Entries per page, 1-1000. */
  limit?: number;
  /** Index of the first entry (offset paging), 0-10000. */
  offset?: number;
  /** Page with markers instead of offsets (implied by `marker`); then `offset`, `sort` and `direction` are not allowed. */
  usemarker?: boolean;
  /** The `next_marker` of the previous page. */
  marker?: string;
  /** Secondary order after the folders-first grouping. */
  sort?: "name" | "date" | "size";
  direction?: "ASC" | "DESC";
}

function restoreBody(options: RestoreOptions<unknown>) {
  const name = options.newName === undefined ? undefined : requireName("options.newName", options.newName);
  const parentId = options.parentId === undefined ? undefined : requireId("options.parentId", options.parentId);
  return { name, parent: parentId === undefined ? undefined : { id: parentId } };
}

function trashQuery(options: TrashItemsOptions) {
  const marker = optionalText("options.marker", options.marker);
  const usemarker = options.usemarker === true || marker !== undefined;
  // Box answers 400 to these combinations; naming the argument is clearer.
  if (usemarker) {
    for (const key of ["offset", "sort", "direction"] as const) {
      if (options[key] !== undefined) throw new BoxValidationError(`options.${key}`, "cannot be combined with marker paging");
    }
  }
  return {
    fields: optionalFields("options.fields", options.fields),
    limit: optionalInteger("options.limit", options.limit, 1, 1000),
    offset: optionalInteger("options.offset", options.offset, 0, 10000),
    usemarker: usemarker ? true : undefined,
    marker,
    sort: optionalChoice("options.sort", options.sort, ["name", "date", "size"]),
    direction: optionalChoice("options.direction", options.direction, ["ASC", "DESC"]),
  };
}

export function trashMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * Restores a trashed file to its folder.
     *
     * @example
     * const file = await client.restoreFile("12345", { newName: "hello (restored).txt" });
     */
    async restoreFile(fileId: string, options: RestoreOptions<File> = {}): Promise<File> {
      const id = requireId("fileId", fileId);
      const body = restoreBody(options);
      const fields = optionalFields("options.fields", options.fields);
      return unwrapBody(await api.POST("/files/{file_id}", { params: { path: { file_id: id }, query: { fields } }, body, ...via(context, options) }));
    },

    /**
     * Restores a trashed folder, with its content.
     *
     * @example
     * const folder = await client.restoreFolder("4353455", { parentId: "0" });
     */
    async restoreFolder(folderId: string, options: RestoreOptions<Folder> = {}): Promise<Folder> {
      const id = requireId("folderId", folderId);
      const body = restoreBody(options);
      const fields = optionalFields("options.fields", options.fields);
      return unwrapBody(
        await api.POST("/folders/{folder_id}", { params: { path: { folder_id: id }, query: { fields } }, body, ...via(context, options) }),
      );
    },

    /**
     * Removes a trashed file for good; it cannot be restored afterwards.
     *
     * @example
     * await client.deleteTrashedFile("12345");
     */
    async deleteTrashedFile(fileId: string, options: CallOptions = {}): Promise<void> {
      const id = requireId("fileId", fileId);
      unwrap(await api.DELETE("/files/{file_id}/trash", { params: { path: { file_id: id } }, ...via(context, options) }));
    },

    /**
     * Removes a trashed folder, and everything in it, for good.
     *
     * @example
     * await client.deleteTrashedFolder("4353455");
     */
    async deleteTrashedFolder(folderId: string, options: CallOptions = {}): Promise<void> {
      const id = requireId("folderId", folderId);
      unwrap(await api.DELETE("/folders/{folder_id}/trash", { params: { path: { folder_id: id } }, ...via(context, options) }));
    },

    /**
     * One page of the user's trash.
     *
     * @example
     * const trash = await client.getTrashItems({ limit: 100, sort: "date", direction: "DESC" });
     */
    async getTrashItems(options: TrashItemsOptions = {}): Promise<Items> {
      const query = trashQuery(options);
      return unwrapBody(await api.GET("/folders/trash/items", { params: { query }, ...via(context, options) }));
    },
  };
}

export type TrashMethods = ReturnType<typeof trashMethods>;
