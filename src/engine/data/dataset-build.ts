/**
 * Build-time helpers for the program dataset: display-name normalization, DR↔IR sibling linking, the
 * IR-Independent matches, the tier facts' shape and the compiled dataset's schema. The compile step (scripts/compile-data.ts)
 * and the program pages use them; nothing here ships to the browser.
 */
import { z } from '../util/zod.ts';
import { stateInfo } from './dataset.ts';
import { TRACK_PREFIX, acgmeIdSchema, programSchema, type Track } from './program.ts';

// ---------------------------------------------------------------------------------------------
// ACGME state codes
// ---------------------------------------------------------------------------------------------

/**
 * The standard ACGME state-code table: the two digits (4–5 of a program ID) for each USPS code of
 * ./dataset's state table, alphabetical by name, with gaps the ACGME keeps for territories. Every code
 * used by the 296 programs is checked against the data by a test; codes for states with no radiology
 * program in the list (AK, ID, MT, ND, SD, WY) are not exercised by it. Only the build checks them.
 */
export const ACGME_STATE_CODES: Readonly<Record<string, string>> = {
  AL: '01',
  AK: '02',
  AZ: '03',
  AR: '04',
  CA: '05',
  CO: '07',
  CT: '08',
  DE: '09',
  DC: '10',
  FL: '11',
  GA: '12',
  HI: '14',
  ID: '15',
  IL: '16',
  IN: '17',
  IA: '18',
  KS: '19',
  KY: '20',
  LA: '21',
  ME: '22',
  MD: '23',
  MA: '24',
  MI: '25',
  MN: '26',
  MS: '27',
  MO: '28',
  MT: '29',
  NE: '30',
  NV: '31',
  NH: '32',
  NJ: '33',
  NM: '34',
  NY: '35',
  NC: '36',
  ND: '37',
  OH: '38',
  OK: '39',
  OR: '40',
  PA: '41',
  PR: '42',
  RI: '43',
  SC: '45',
  SD: '46',
  TN: '47',
  TX: '48',
  UT: '49',
  VT: '50',
  VA: '51',
  WA: '54',
  WV: '55',
  WI: '56',
  WY: '57',
};

// ---------------------------------------------------------------------------------------------
// Display-name and city normalization
// ---------------------------------------------------------------------------------------------

// Words kept in capitals when an all-capitals source name is title-cased.
const ACRONYMS = new Set([
  'AGH',
  'CUNY',
  'FIU',
  'GME',
  'HCA',
  'HSC',
  'LA',
  'LAC',
  'LSU',
  'LTD',
  'MD',
  'MSU',
  'MUSC',
  'NEOMED',
  'NYU',
  'OHSU',
  'SLCH',
  'SLU',
  'SUNY',
  'TJUH',
  'UAB',
  'UAMS',
  'UC',
  'UCI',
  'UCLA',
  'UCSD',
  'UCSF',
  'UMMC',
  'UNC',
  'UPMC',
  'USA',
  'USC',
  'USF',
  'UT',
  'UTMB',
  'VA',
  'VCU',
]);
// Brand spellings that plain title case gets wrong.
const SPECIAL_WORDS: Readonly<Record<string, string>> = {
  MEDSTAR: 'MedStar',
  MCLAREN: 'McLaren',
  MCGAW: 'McGaw',
  UMASS: 'UMass',
  HEALTHCARE: 'Healthcare',
};
const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'de', 'for', 'in', 'of', 'on', 'the', 'to']);

/** Title-cases one all-capitals word, keeping known acronyms and brand spellings. */
function titleWord(word: string, first: boolean): string {
  const upper = word.toUpperCase();
  if (ACRONYMS.has(upper.replace(/\.$/, ''))) return upper;
  const special = SPECIAL_WORDS[upper];
  if (special) return special;
  const lower = word.toLowerCase();
  if (!first && SMALL_WORDS.has(lower)) return lower;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Title-cases a string written wholly in capitals; leaves mixed-case text alone. */
export function titleCaseIfShouting(text: string): string {
  if (/[a-z]/.test(text) || !/[A-Z]{2}/.test(text)) return text;
  let first = true;
  // Split on separators but keep them, so "HARBOR-UCLA" and "HOFSTRA/NORTHWELL" keep their punctuation.
  return text
    .split(/([\s/()\-–,&]+)/)
    .map((part) => {
      if (!/[A-Za-z]/.test(part)) return part;
      const out = titleWord(part, first);
      first = false;
      return out;
    })
    .join('');
}

/** Shared clean-up: straight apostrophes, single spaces, "St" with a full stop, no spaces around "/". */
function tidy(text: string): string {
  return text
    .replace(/[`´‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\bSt\.?\s+(?=[A-Z])/g, 'St. ')
    .trim();
}

/**
 * Display name from the source hospital string: title case for all-capitals names (acronyms such as
 * UCLA, SUNY, NYU, LSU, UT kept), the trailing word "Program" dropped, "St" written "St.", single spaces.
 */
export function normalizeProgramName(source: string): string {
  return tidy(titleCaseIfShouting(tidy(source)))
    .replace(/\s+program$/i, '')
    .trim();
}

/** Display city: title case for all-capitals cities, "St"/"Saint" + name written "St. Name", single spaces. */
export function normalizeCity(source: string): string {
  return tidy(titleCaseIfShouting(tidy(source))).replace(/^(?:St\.?|Saint)\s+/i, 'St. ');
}

// ---------------------------------------------------------------------------------------------
// Sibling linking (DR ↔ IR-Integrated at the same institution)
// ---------------------------------------------------------------------------------------------

/** Lower-case comparison form of a city: "St Louis", "Saint Louis" and "ST. LOUIS" agree. */
export function cityKey(city: string): string {
  return normalizeCity(city)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Comparison form of an institution name: lower case, punctuation and the word "program" dropped,
 * corporate suffixes (Inc, LLC, Ltd) dropped, and a parenthetical that only repeats the city, the state
 * code or the state name dropped ("Creighton University School of Medicine (Phoenix)" in Phoenix).
 */
export function institutionKey(name: string, city: string, state: string): string {
  const same = new Set([cityKey(city), state.toLowerCase(), (stateInfo(state)?.name ?? '').toLowerCase()]);
  return name
    .replace(/[`´‘’]/g, "'")
    .replace(/\(([^)]*)\)/g, (whole, inner: string) => (same.has(cityKey(inner)) ? ' ' : whole))
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(program|inc|llc|ltd)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The minimum a program needs for linking. */
export interface LinkCandidate {
  /** ACGME ID. */
  id: string;
  /** Track. */
  track: Track;
  /** Source hospital string (linking reads the source, not the display name). */
  sourceName: string;
  /** Source city. */
  sourceCity: string;
  /** USPS state code. */
  state: string;
}

/** A reviewed correction to automatic linking. */
export const siblingOverrideSchema = z.object({
  /** The DR program. */
  drId: acgmeIdSchema,
  /** The IR-Integrated program. */
  irId: acgmeIdSchema,
  /** Add a link the name rule misses, or remove one it makes wrongly. */
  action: z.enum(['link', 'unlink']),
  /** Why: what a reviewer checked. */
  reason: z.string().check(z.minLength(10)),
});
export type SiblingOverride = z.infer<typeof siblingOverrideSchema>;

/** One DR ↔ IR-Integrated link and what it rests on. */
export interface SiblingLink {
  /** The DR program. */
  drId: string;
  /** The IR-Integrated program. */
  irId: string;
  /** `same-name`: same state, city and institution name; `override`: a reviewed row of the overrides file. */
  basis: 'same-name' | 'override';
  /** The override's reason, for `override` links. */
  reason?: string;
}

/** A problem with one override row (index into the overrides list). */
export interface OverrideProblem {
  /** Position of the row in the overrides array. */
  index: number;
  /** Which field is wrong. */
  field: 'dr_id' | 'ir_id' | 'action';
  /** What is wrong. */
  message: string;
}

/**
 * Links each DR program to the IR-Integrated program(s) of the same institution: the same state, city
 * and institution key, then the reviewed overrides. An override that changes nothing is a problem,
 * so the overrides file cannot silently go stale.
 */
export function linkSiblings(
  programs: readonly LinkCandidate[],
  overrides: readonly SiblingOverride[],
): { links: SiblingLink[]; problems: OverrideProblem[] } {
  const byId = new Map(programs.map((p) => [p.id, p]));
  const keyOf = (p: LinkCandidate) =>
    `${p.state}|${cityKey(p.sourceCity)}|${institutionKey(p.sourceName, p.sourceCity, p.state)}`;
  const irByKey = new Map<string, LinkCandidate[]>();
  for (const p of programs) {
    if (p.track !== 'ir-integrated') continue;
    const list = irByKey.get(keyOf(p)) ?? [];
    list.push(p);
    irByKey.set(keyOf(p), list);
  }
  const links = new Map<string, SiblingLink>();
  for (const p of programs) {
    if (p.track !== 'dr') continue;
    for (const ir of irByKey.get(keyOf(p)) ?? []) {
      links.set(`${p.id}|${ir.id}`, { drId: p.id, irId: ir.id, basis: 'same-name' });
    }
  }
  const problems: OverrideProblem[] = [];
  const seen = new Set<string>();
  overrides.forEach((o, index) => {
    const dr = byId.get(o.drId);
    const ir = byId.get(o.irId);
    if (!dr) problems.push({ index, field: 'dr_id', message: `no program ${o.drId}` });
    else if (dr.track !== 'dr') problems.push({ index, field: 'dr_id', message: `${o.drId} is not a DR program` });
    if (!ir) problems.push({ index, field: 'ir_id', message: `no program ${o.irId}` });
    else if (ir.track !== 'ir-integrated') {
      problems.push({ index, field: 'ir_id', message: `${o.irId} is not an IR-Integrated program` });
    }
    if (!dr || !ir || dr.track !== 'dr' || ir.track !== 'ir-integrated') return;
    const key = `${o.drId}|${o.irId}`;
    if (seen.has(key)) {
      problems.push({ index, field: 'ir_id', message: `a second override for ${o.drId} ↔ ${o.irId}` });
      return;
    }
    seen.add(key);
    const existing = links.get(key);
    if (o.action === 'link') {
      if (existing) problems.push({ index, field: 'action', message: 'redundant: the name rule already links these' });
      else links.set(key, { drId: o.drId, irId: o.irId, basis: 'override', reason: o.reason });
    } else if (!existing) {
      problems.push({ index, field: 'action', message: 'nothing to unlink: the name rule does not link these' });
    } else {
      links.delete(key);
    }
  });
  const sorted = [...links.values()].sort((a, b) => a.drId.localeCompare(b.drId) || a.irId.localeCompare(b.irId));
  return { links: sorted, problems };
}

/** Each program's sibling IDs (sorted) from a link list. */
export function siblingsFromLinks(links: readonly SiblingLink[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (from: string, to: string) => out.set(from, [...(out.get(from) ?? []), to].sort());
  for (const l of links) {
    add(l.drId, l.irId);
    add(l.irId, l.drId);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// IR-Independent signals
// ---------------------------------------------------------------------------------------------

/**
 * An ACGME IR-Independent (415) program matched by hand to a DR program of the same institution.
 * The 415 source name is garbled, so only its ID is ever shown.
 */
export const irIndependentMatchSchema = z.object({
  /** The IR-Independent program's ACGME ID (prefix 415). */
  irIndependentId: acgmeIdSchema.check(z.refine((id) => id.startsWith(TRACK_PREFIX['ir-independent']), 'prefix 415')),
  /** The DR program at the same institution. */
  drId: acgmeIdSchema,
  /** The institution words found in the garbled 415 name. */
  token: z.string().check(z.minLength(2)),
  /** `token-unique`: the token names exactly one DR program in the state (checked at build); `reviewed`: checked by hand. */
  check: z.enum(['token-unique', 'reviewed']),
  /** What the match rests on. */
  reason: z.string().check(z.minLength(10)),
});
export type IrIndependentMatch = z.infer<typeof irIndependentMatchSchema>;

// ---------------------------------------------------------------------------------------------
// Tier facts (none in the dataset yet)
// ---------------------------------------------------------------------------------------------

/** The full compiled dataset the pages read (src/generated/programs.json). */
export const compiledDatasetSchema = z.object({
  /** Where the program list comes from, in one line. */
  source: z.string().check(z.minLength(1)),
  /** Every program, sorted by ID. */
  programs: z.array(programSchema),
  /** Hand-checked IR-Independent matches (DR → 415 ID). */
  irIndependent: z.array(irIndependentMatchSchema),
});
export type CompiledDataset = z.infer<typeof compiledDatasetSchema>;
