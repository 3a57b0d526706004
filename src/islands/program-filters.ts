/**
 * The pure filter logic the /programs/ island applies to the server-rendered list: track, region and
 * state facets, the fact filters (visa, non-US IMGs, IR at the institution, setting, size; their rules
 * are in ../engine/data/program-facets.ts), the text matches from fuse.js (program-search.ts), how many
 * programs each choice would show, and the sentence a screen reader hears.
 */
import {
  FLAG_FACETS,
  SETTING_LABEL,
  SIZE_CLASSES,
  type FlagFacet,
  type ProgramFacets,
  type SizeClass,
} from '../engine/data/program-facets';
import type { Setting } from '../engine/data/program';

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
  /** Yes/no fact filters a program must all pass. */
  flags: readonly FlagFacet[];
  /** Setting, or "" for any. */
  setting: Setting | '';
  /** Size class, or "" for any. */
  size: SizeClass | '';
}

/** No filter set. */
export const NO_FILTERS: ProgramFilters = {
  query: '',
  track: '',
  region: '',
  state: '',
  flags: [],
  setting: '',
  size: '',
};

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
  /** Fact facets (from the row's `data-f`). */
  facets: ProgramFacets;
}

/** Whether a listed program passes every filter but the text (matched separately). */
export function passesFacets(p: ListedProgram, f: ProgramFilters): boolean {
  return (
    (!f.track || p.track === f.track) &&
    (!f.region || p.region === f.region) &&
    (!f.state || p.state === f.state) &&
    f.flags.every((k) => p.facets.flags.has(k)) &&
    (!f.setting || p.facets.setting === f.setting) &&
    (!f.size || p.facets.size === f.size)
  );
}

/** Whether a program passes the text filter (`textMatches` null while the index loads: every program does). */
function passesText(p: ListedProgram, f: ProgramFilters, textMatches: ReadonlySet<string> | null): boolean {
  return !f.query.trim() || textMatches === null || textMatches.has(p.id);
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
  return new Set(programs.filter((p) => passesFacets(p, f) && passesText(p, f, textMatches)).map((p) => p.id));
}

/** How many programs each fact filter choice would show, with every other filter as it is. */
export interface FacetCounts {
  /** Per yes/no filter: the count with it ticked. */
  flags: Record<FlagFacet, number>;
  /** Per setting: the count with it chosen. */
  setting: Record<Setting, number>;
  /** Per size class: the count with it chosen. */
  size: Record<SizeClass, number>;
}

/** The counts beside each fact filter choice, for the current filters and text matches. */
export function facetCounts(
  programs: readonly ListedProgram[],
  f: ProgramFilters,
  textMatches: ReadonlySet<string> | null,
): FacetCounts {
  const pool = programs.filter((p) => passesText(p, f, textMatches));
  const count = (g: ProgramFilters) => pool.filter((p) => passesFacets(p, g)).length;
  const flags = {} as Record<FlagFacet, number>;
  for (const k of FLAG_FACETS) {
    flags[k] = count({ ...f, flags: f.flags.includes(k) ? f.flags : [...f.flags, k] });
  }
  const setting = {} as Record<Setting, number>;
  for (const s of Object.keys(SETTING_LABEL) as Setting[]) {
    setting[s] = count({ ...f, setting: s });
  }
  const size = {} as Record<SizeClass, number>;
  for (const z of SIZE_CLASSES) size[z] = count({ ...f, size: z });
  return { flags, setting, size };
}

/** The sentence a screen reader hears after each change. */
export function resultSummary(
  shown: number,
  total: number,
  f: ProgramFilters,
  labels: {
    track?: string | undefined;
    region?: string | undefined;
    state?: string | undefined;
    /** Labels of the fact filters set (ticked flags, setting, size). */
    facts?: readonly string[] | undefined;
  },
): string {
  const facets: string[] = [];
  if (labels.track) facets.push(labels.track);
  if (labels.region) facets.push(`in the ${labels.region}`);
  if (labels.state) facets.push(`in ${labels.state}`);
  // "Sponsors the J-1" reads "sponsors the J-1" mid-sentence; "IR–Integrated" keeps its capitals.
  facets.push(...(labels.facts ?? []).map((l) => (/^[A-Z][a-z]/.test(l) ? l.charAt(0).toLowerCase() + l.slice(1) : l)));
  const query = f.query.trim();
  const noun = total === 1 ? 'program' : 'programs';
  return `Showing ${shown} of ${total} ${noun}${query ? ` matching “${query}”` : ''}${facets.length ? `: ${facets.join(', ')}` : ''}.`;
}
