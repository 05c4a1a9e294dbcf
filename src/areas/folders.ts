import type { Folder, Item, Items } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { unwrapBody } from "../http/unwrap.js";
import { optionalFields, optionalInteger, optionalText, requireId } from "../validate.js";
import type { FieldsOptions } from "./users.js";

/** Paging and ordering of a folder listing. */
export interface FolderContentOptions extends FieldsOptions<Folder | Item> {
  /** Entries per page, 1-1000 (Box's default is 100). */
  limit?: number;
  /** Index of the first entry (offset paging), at most 10000. */
  offset?: number;
  /** Switch to marker paging (reliable in very large folders); pass `marker` for later pages. */
  usemarker?: boolean;
  /** The `next_marker` of the previous page. */
  marker?: string;
  /** Secondary order within the folders / files / web links groups. */
  sort?: "id" | "name" | "date" | "size";
  direction?: "ASC" | "DESC";
}

function listingQuery(options: FolderContentOptions) {
  return {
    fields: optionalFields("options.fields", options.fields),
    limit: optionalInteger("options.limit", options.limit, 1, 1000),
    offset: optionalInteger("options.offset", options.offset, 0, 10000),
    // A marker means marker paging; Box refuses a marker without usemarker=true.
    usemarker: options.usemarker ?? (options.marker === undefined ? undefined : true),
    marker: optionalText("options.marker", options.marker),
    sort: options.sort,
    direction: options.direction,
  };
}

export function folderMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * A folder's attributes, including the first page of its entries in `item_collection`.
     *
     * @example
     * const root = await client.getFolder("0");
     * console.log(root.item_collection?.total_count);
     */
    async getFolder(folderId: string = "0", options: FolderContentOptions = {}): Promise<Folder> {
      const id = requireId("folderId", folderId);
      const { usemarker: _usemarker, marker: _marker, ...query } = listingQuery(options);
      return unwrapBody(await api.GET("/folders/{folder_id}", { params: { path: { folder_id: id }, query }, ...via(context, options) }));
    },

    /**
     * One page of a folder's entries (files, folders and web links, short form).
     *
     * @example
     * const page = await client.getFolderContent("0", { limit: 50 });
     * for (const entry of page.entries) console.log(entry.type, entry.name);
     */
    async getFolderContent(folderId: string = "0", options: FolderContentOptions = {}): Promise<Items> {
      const id = requireId("folderId", folderId);
      return unwrapBody(
        await api.GET("/folders/{folder_id}/items", { params: { path: { folder_id: id }, query: listingQuery(options) }, ...via(context, options) }),
      );
    },
  };
}

export type FolderMethods = ReturnType<typeof folderMethods>;
