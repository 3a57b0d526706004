/**
 * The /programs/ filter rules: which programs sponsor a J-1 or an H-1B, take non-US IMGs, have IR
 * training at the institution, and their setting and size, from the compiled facts. The page writes
 * each program's facets into its row as a few short tokens (`facetTokens`); the island reads them back
 * (`readFacetTokens`) and filters and counts with ../../islands/program-filters.ts.
 */
// Types only: the /programs/ island imports this file, and ./program.ts builds zod schemas on load.
import type { Program, Setting, UNKNOWN } from './program.ts';

const unknown: typeof UNKNOWN = 'unknown';

/** The yes/no filters, in the order the page shows them. */
export const FLAG_FACETS = ['j1', 'h1b', 'img', 'irIntegrated', 'irMore'] as const;
/** One yes/no filter. */
export type FlagFacet = (typeof FLAG_FACETS)[number];

/** Each yes/no filter's label. */
export const FLAG_FACET_LABEL: Readonly<Record<FlagFacet, string>> = {
  j1: 'Sponsors the J-1',
  h1b: 'Sponsors the H-1B',
  img: 'Takes non-US IMGs',
  irIntegrated: 'IR–Integrated at the institution',
  irMore: 'IR–Independent or ESIR',
};

/** The rule behind each yes/no filter, in words (the page explains them; the island does not need them). */
export const FLAG_FACET_RULE: Readonly<Record<FlagFacet, string>> = {
  j1: 'the program or its institution states on its own website that it sponsors the J-1',
  h1b: 'the program or its institution states that it sponsors the H-1B, or the institution filed an H-1B labor condition application (US DOL) for a radiology resident and no source says no',
  img: 'a source says it considers graduates of schools outside the US and Canada, or has had them among recent residents',
  irIntegrated: 'it is an IR–Integrated program, or the institution has one in the ERAS 2026 list',
  irMore:
    'ACGME lists an IR–Independent program we matched to the institution, or a source says its DR program offers ESIR',
};

/** Size classes by positions per year (only where a source states the number). */
export const SIZE_CLASSES = ['small', 'medium', 'large'] as const;
/** One size class. */
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Each size class's label, with its range of positions per year. */
export const SIZE_LABEL: Readonly<Record<SizeClass, string>> = {
  small: 'Small: 1–3 positions a year',
  medium: 'Medium: 4–7 positions a year',
  large: 'Large: 8 or more positions a year',
};

/** The size class of a number of positions per year. */
export function sizeClass(positionsPerYear: number): SizeClass {
  return positionsPerYear >= 8 ? 'large' : positionsPerYear >= 4 ? 'medium' : 'small';
}

/** Each setting's short label for the filter. */
export const SETTING_LABEL: Readonly<Record<Setting, string>> = {
  university: 'University-based',
  'community-university-affiliated': 'Community, university-affiliated',
  community: 'Community-based',
};

/** A program's facets for the /programs/ filters. */
export interface ProgramFacets {
  /** The yes/no filters it passes. */
  readonly flags: ReadonlySet<FlagFacet>;
  /** Its setting, when a source states it. */
  readonly setting: Setting | null;
  /** Its size class, when a source states its positions per year. */
  readonly size: SizeClass | null;
}

/**
 * A program's facets. `byId` finds its siblings (for an IR–Integrated program, ESIR is its DR
 * siblings' fact). A fact whose sources disagree or that is decided case by case counts as unknown.
 */
export function programFacets(program: Program, byId: (id: string) => Program | undefined): ProgramFacets {
  const f = program.facts;
  const flags = new Set<FlagFacet>();
  if (f.j1.value === true) flags.add('j1');
  if (f.h1b.value === true || (program.h1bFilings > 0 && f.h1b.value !== false)) flags.add('h1b');
  if (f.imgConsidered.value === true || f.imgRecent.value === 'yes' || f.imgRecent.value === 'rarely') flags.add('img');
  const siblings = program.siblings.map(byId).filter((s): s is Program => s !== undefined);
  if (program.track === 'ir-integrated' || siblings.some((s) => s.track === 'ir-integrated')) flags.add('irIntegrated');
  const drAtInstitution = program.track === 'dr' ? [program] : siblings.filter((s) => s.track === 'dr');
  if (program.irIndependent === 'yes' || drAtInstitution.some((d) => d.facts.esir.value === true)) flags.add('irMore');
  const positions = f.positionsPerYear.value;
  return {
    flags,
    setting: f.setting.value === unknown ? null : f.setting.value,
    size: positions === unknown || positions < 1 ? null : sizeClass(positions),
  };
}

// Short tokens keep the 296 rows of /programs/ small: flags by their own name, "s-<setting>", "z-<size>".
const SETTING_TOKEN: Readonly<Record<Setting, string>> = {
  university: 's-u',
  'community-university-affiliated': 's-a',
  community: 's-c',
};

/** A program's facets as a space-separated token list for its row's `data-f` attribute. */
export function facetTokens(facets: ProgramFacets): string {
  const tokens: string[] = FLAG_FACETS.filter((k) => facets.flags.has(k));
  if (facets.setting) tokens.push(SETTING_TOKEN[facets.setting]);
  if (facets.size) tokens.push(`z-${facets.size}`);
  return tokens.join(' ');
}

/** Reads a `data-f` token list back into facets (unknown tokens are ignored). */
export function readFacetTokens(text: string): ProgramFacets {
  const tokens = new Set(text.split(/\s+/).filter(Boolean));
  const setting = (Object.keys(SETTING_TOKEN) as Setting[]).find((s) => tokens.has(SETTING_TOKEN[s])) ?? null;
  const size = SIZE_CLASSES.find((s) => tokens.has(`z-${s}`)) ?? null;
  return { flags: new Set(FLAG_FACETS.filter((k) => tokens.has(k))), setting, size };
}
