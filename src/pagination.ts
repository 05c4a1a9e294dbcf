/** The paging fields Box puts beside `entries`, in either style. */
export interface Page<T> {
  entries: T[];
  total_count?: number;
  offset?: number;
  limit?: number;
  next_marker?: string | null;
}

/** Where a page starts: an offset, or the marker from the previous page. */
export interface PageCursor {
  offset?: number;
  marker?: string;
}

/** Fetches the page at a cursor; the caller's function does the typed request. */
export type PageFetcher<T> = (cursor: PageCursor) => Promise<Page<T>>;

/**
 * Every entry of a paged list, fetched page by page as the caller iterates.
 * Stops fetching as soon as the caller `break`s.
 *
 * - `"offset"`: the next offset is this page's offset plus the limit Box used
 *   (not the number of entries, which can be smaller), until `total_count`.
 * - `"marker"`: follows `next_marker` until it is empty.
 *
 * @example
 * for await (const item of paginate((cursor) => client.getFolderContent("0", { usemarker: true, ...cursor }), "marker")) {
 *   console.log(item.name);
 * }
 */
export async function* paginate<T>(fetchPage: PageFetcher<T>, style: "offset" | "marker", start: PageCursor = {}): AsyncGenerator<T, void, undefined> {
  let cursor: PageCursor = { ...start };
  const seenMarkers = new Set<string>();
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.entries;
    if (page.entries.length === 0) return;
    if (style === "marker") {
      const marker = page.next_marker;
      // A repeated marker would loop forever; treat it as the end.
      if (!marker || seenMarkers.has(marker)) return;
      seenMarkers.add(marker);
      cursor = { marker };
    } else {
      const offset = (page.offset ?? cursor.offset ?? 0) + (page.limit ?? page.entries.length);
      if (page.total_count !== undefined && offset >= page.total_count) return;
      cursor = { offset };
    }
  }
}
