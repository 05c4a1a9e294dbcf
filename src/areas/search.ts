import type { SearchResultItem, SearchResults } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { BoxValidationError } from "../errors.js";
import type { FieldsOptions } from "../fields.js";
import { unwrapBody } from "../http/unwrap.js";
import { paginate } from "../pagination.js";
import { optionalChoice, optionalChoiceList, optionalIdList, optionalRange, optionalWordList, requireTimestamp } from "../validate-options.js";
import { optionalFields, optionalInteger, requireText } from "../validate.js";

/** A time range; either end may be left open. Dates or RFC 3339 text. */
export interface TimeRange {
  from?: Date | string;
  to?: Date | string;
}

/** A size range in bytes, inclusive; either end may be left open. */
export interface SizeRange {
  from?: number;
  to?: number;
}

/** Filters and paging of {@link SearchMethods.search}. */
export interface SearchOptions extends FieldsOptions<SearchResultItem> {
  /** Matches per page, 1-200 (Box's default is 30). */
  limit?: number;
  /** Index of the first match, 0-10000. */
  offset?: number;
  /** Only files, folders or web links. */
  type?: "file" | "folder" | "web_link";
  /** Only items inside these folders, at any depth. */
  ancestorFolderIds?: readonly string[];
  /** Only files with these extensions, without dots: `["pdf", "docx"]`. */
  fileExtensions?: readonly string[];
  /** Which parts of an item the query is matched against. */
  contentTypes?: readonly ("name" | "description" | "file_content" | "comments" | "tags")[];
  createdAtRange?: TimeRange;
  updatedAtRange?: TimeRange;
  sizeRange?: SizeRange;
  /** Only items owned by these users. */
  ownerUserIds?: readonly string[];
  /** Look outside the trash (default), only in it, or both. */
  trashContent?: "non_trashed_only" | "trashed_only" | "all_items";
  /** `relevance` (default) or `modified_at`. */
  sort?: "relevance" | "modified_at";
  /** Order for `sort: "modified_at"` (Box ignores it for relevance). */
  direction?: "ASC" | "DESC";
}

/** Options of {@link SearchMethods.searchIterator}: the filters, without the paging position. */
export type SearchIteratorOptions = Omit<SearchOptions, "offset">;

const CONTENT_TYPES = ["name", "description", "file_content", "comments", "tags"] as const;

function bytes(argument: string, value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new BoxValidationError(argument, `expected a whole number of bytes >= 0, got ${String(value)}`);
  return String(value);
}

/** The query of one search request; every argument is checked before anything is sent. */
function searchQuery(query: string, options: SearchOptions) {
  return {
    query: requireText("query", query),
    limit: optionalInteger("options.limit", options.limit, 1, 200),
    offset: optionalInteger("options.offset", options.offset, 0, 10000),
    type: optionalChoice("options.type", options.type, ["file", "folder", "web_link"]),
    ancestor_folder_ids: optionalIdList("options.ancestorFolderIds", options.ancestorFolderIds),
    file_extensions: optionalWordList("options.fileExtensions", options.fileExtensions, /[,.]/),
    content_types: optionalChoiceList("options.contentTypes", options.contentTypes, CONTENT_TYPES),
    created_at_range: optionalRange("options.createdAtRange", options.createdAtRange, requireTimestamp),
    updated_at_range: optionalRange("options.updatedAtRange", options.updatedAtRange, requireTimestamp),
    size_range: optionalRange("options.sizeRange", options.sizeRange, bytes),
    owner_user_ids: optionalIdList("options.ownerUserIds", options.ownerUserIds),
    trash_content: optionalChoice("options.trashContent", options.trashContent, ["non_trashed_only", "trashed_only", "all_items"]),
    sort: optionalChoice("options.sort", options.sort, ["relevance", "modified_at"]),
    direction: optionalChoice("options.direction", options.direction, ["ASC", "DESC"]),
    fields: optionalFields("options.fields", options.fields),
  };
}

export function searchMethods(context: ClientContext) {
  const { api } = context;
  const fetchResults = async (query: ReturnType<typeof searchQuery>, options: SearchOptions): Promise<SearchResults> =>
    unwrapBody(await api.GET("/search", { params: { query }, ...via(context, options) }));

  return {
    /**
     * One page of the files, folders and web links that match a query.
     *
     * @example
     * const results = await client.search("quarterly report", { type: "file", fileExtensions: ["pdf"], limit: 50 });
     * for (const item of results.entries) console.log(item.type, item.name);
     */
    async search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
      return fetchResults(searchQuery(query, options), options);
    },

    /**
     * Every match of a query, page after page (offset paging); `break` stops
     * fetching. Arguments are checked at the call, before any request.
     *
     * @example
     * for await (const item of client.searchIterator("invoice", { ancestorFolderIds: ["4353455"], limit: 200 })) {
     *   console.log(item.name);
     * }
     */
    searchIterator(query: string, options: SearchIteratorOptions = {}): AsyncGenerator<SearchResultItem, void, undefined> {
      const first = searchQuery(query, options);
      return paginate(({ offset }) => fetchResults({ ...first, offset }, options), "offset", { offset: 0 });
    },
  };
}

export type SearchMethods = ReturnType<typeof searchMethods>;
