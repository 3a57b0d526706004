/**
 * Loads the prebuilt fuse.js index of program names, cities and states (same origin, built by
 * `npm run data:compile`) for /programs/ and the planner; fuse.js itself loads with it.
 */
import { SEARCH_OPTIONS, type SearchIndexFile } from './program-search';

/** A query → matching program IDs function. */
export type Search = (query: string) => Set<string>;

/** Fetches the prebuilt index (same origin) and returns a query → matching IDs function. */
export async function loadSearch(base: string): Promise<Search> {
  const [{ default: Fuse }, res] = await Promise.all([
    import('fuse.js/basic'),
    fetch(`${base}programs/search-index.json`),
  ]);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const data = (await res.json()) as SearchIndexFile;
  // The documents are only the IDs (as objects, or fuse.js would treat them as a list of strings):
  // the prebuilt index already holds the searchable text.
  const fuse = new Fuse<{ id: string }>(
    data.ids.map((id) => ({ id })),
    SEARCH_OPTIONS,
    Fuse.parseIndex<{ id: string }>(data.index),
  );
  return (query) => new Set(fuse.search(query).map((r) => r.item.id));
}
