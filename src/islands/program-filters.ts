/**
 * The pure filter logic the /programs/ island applies to the server-rendered list: track, region and
 * state facets, the text matches from fuse.js (program-search.ts), and the sentence a screen reader hears.
 */

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
