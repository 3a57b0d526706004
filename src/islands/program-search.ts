/**
 * Program search settings shared by the build (which writes the fuse.js index, scripts/data/outputs.ts)
 * and the islands that read it (/programs/ and the planner, through load-search.ts). The /programs/
 * island's filter logic is in program-filters.ts, so the planner does not load it.
 */
// Type imports only: this module ships in the island, and the engine modules bring zod with them.
import type Fuse from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';

/** What one search document holds: the fields a person types. */
export interface SearchDoc {
  /** Display name (the institution). */
  name: string;
  /** Display city. */
  city: string;
  /** USPS state code. */
  state: string;
  /** Full state name. */
  stateName: string;
}

/** Fields searched and their weights; the build and the browser must agree on them. */
export const SEARCH_KEYS: { name: keyof SearchDoc; weight: number }[] = [
  { name: 'name', weight: 3 },
  { name: 'city', weight: 2 },
  { name: 'stateName', weight: 1 },
  { name: 'state', weight: 0.5 },
];

/** fuse.js options: typo-tolerant ("pittsburg" finds Pittsburgh), anywhere in the text. */
export const SEARCH_OPTIONS = {
  keys: SEARCH_KEYS,
  threshold: 0.2,
  ignoreLocation: true,
  minMatchCharLength: 2,
} satisfies IFuseOptions<SearchDoc>;

/** The file the build writes (src/generated/search-index.json): program IDs in index order and the fuse index. */
export interface SearchIndexFile {
  /** ACGME IDs; position i is record i of the index. */
  ids: string[];
  /** `Fuse.createIndex(SEARCH_KEYS, docs).toJSON()`. */
  index: Parameters<typeof Fuse.parseIndex>[0];
}
