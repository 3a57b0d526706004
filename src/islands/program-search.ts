/**
 * Program search settings shared by the build (which writes the fuse.js index, scripts/data/outputs.ts)
 * and the /programs/ island (which reads it), plus the pure filter logic the island applies to the
 * server-rendered list.
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

/** The filters a person can set. */
export interface ProgramFilters {
  /** Free text; empty = no text filter. */
  query: string;
  /** Track, or "" for all. */
  track: string;
  /** Census region, or "" for all. */
  region: string;
  /** USPS state code, or "" for all. */
  state: string;
}

/** The facets of one listed program, as the page's data attributes carry them. */
export interface ListedProgram {
  /** ACGME ID. */
  id: string;
  /** Track. */
  track: string;
  /** Census region. */
  region: string;
  /** USPS state code. */
  state: string;
}

/** Whether a listed program passes the track, region and state filters (text is matched separately). */
export function passesFacets(p: ListedProgram, f: ProgramFilters): boolean {
  return (!f.track || p.track === f.track) && (!f.region || p.region === f.region) && (!f.state || p.state === f.state);
}

/**
 * The IDs to show: facet filters, then the text matches when there is a query (`textMatches` = IDs
 * fuse.js returned; null while the index is still loading, when only the facets apply).
 */
export function visibleIds(
  programs: readonly ListedProgram[],
  f: ProgramFilters,
  textMatches: ReadonlySet<string> | null,
): Set<string> {
  const query = f.query.trim();
  return new Set(
    programs
      .filter((p) => passesFacets(p, f))
      .filter((p) => !query || textMatches === null || textMatches.has(p.id))
      .map((p) => p.id),
  );
}

/** The sentence a screen reader hears after each change. */
export function resultSummary(
  shown: number,
  total: number,
  f: ProgramFilters,
  labels: { track?: string | undefined; region?: string | undefined; state?: string | undefined },
): string {
  const facets: string[] = [];
  if (labels.track) facets.push(labels.track);
  if (labels.region) facets.push(`in the ${labels.region}`);
  if (labels.state) facets.push(`in ${labels.state}`);
  const query = f.query.trim();
  const noun = total === 1 ? 'program' : 'programs';
  return `Showing ${shown} of ${total} ${noun}${query ? ` matching “${query}”` : ''}${facets.length ? `: ${facets.join(', ')}` : ''}.`;
}
