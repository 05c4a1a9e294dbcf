import type { Item, Items } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import type { FieldsOptions } from "../fields.js";
import { unwrapBody } from "../http/unwrap.js";
import { paginate } from "../pagination.js";
import { optionalFields, optionalInteger, optionalText, requireId } from "../validate.js";

/** Options of {@link FolderIteratorMethods.getFolderIterator}. */
export interface FolderIteratorOptions extends FieldsOptions<Item> {
  /** Entries fetched per request, 1-1000 (Box's default is 100). */
  limit?: number;
  /** Resume from a `next_marker` seen earlier. */
  marker?: string;
}

export function folderIteratorMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * Every entry of a folder, page after page (marker paging, which stays
     * consistent in very large folders). Pages are fetched only as the loop
     * needs them; `break` stops fetching. Arguments are checked at the call,
     * before any request.
     *
     * @example
     * for await (const entry of client.getFolderIterator("0", { limit: 500 })) {
     *   if (entry.name === "Reports") break; // no further page is requested
     * }
     */
    getFolderIterator(folderId: string = "0", options: FolderIteratorOptions = {}): AsyncGenerator<Item, void, undefined> {
      const id = requireId("folderId", folderId);
      const fields = optionalFields("options.fields", options.fields);
      const limit = optionalInteger("options.limit", options.limit, 1, 1000);
      const marker = optionalText("options.marker", options.marker);
      const fetchPage = async ({ marker }: { marker?: string }): Promise<Items> =>
        unwrapBody(
          await api.GET("/folders/{folder_id}/items", {
            params: { path: { folder_id: id }, query: { usemarker: true, marker, limit, fields } },
            ...via(context, options),
          }),
        );
      return paginate(fetchPage, "marker", { marker });
    },
  };
}

export type FolderIteratorMethods = ReturnType<typeof folderIteratorMethods>;
