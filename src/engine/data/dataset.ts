/**
 * Pure helpers for the program dataset: the ACGME state-code table, US Census regions, policy-fact
 * wording and the compact browser payload. The build-time compile step (scripts/compile-data.ts), the
 * pages and the engine share them; name normalization, sibling linking and the build-only schemas
 * are in ./dataset-build, so the browser does not construct them.
 */
import { numberIn, z } from '../util/zod.ts';
import {
  CENSUS_REGIONS,
  POLICY_FACT_KEYS,
  TRACK_PREFIX,
  UNKNOWN,
  acgmeIdSchema,
  factStatusSchema,
  policyFactsSchema,
  type CensusRegion,
  type FactStatus,
  type PolicyFactKey,
  type PolicyFacts,
  type Program,
  type Track,
} from './program.ts';
import type { IrIndependentMatch } from './dataset-build.ts';

// ---------------------------------------------------------------------------------------------
// States: ACGME state code, name, US Census region and division
// ---------------------------------------------------------------------------------------------

/** What we know about a state or territory: its name and its US Census region and division. */
export interface StateInfo {
  /** Full name, e.g. "Pennsylvania". */
  name: string;
  /** US Census region. */
  region: CensusRegion;
  /** US Census division (Puerto Rico, outside the Census regions, gets its own). */
  division: string;
}

// The states and territories in the order of the ACGME state-code table (alphabetical by name); their
// ACGME codes, which only the build checks, are in ./dataset-build (ACGME_STATE_CODES).
const STATE_ROWS: ReadonlyArray<readonly [string, string, CensusRegion, string]> = [
  ['AL', 'Alabama', 'South', 'East South Central'],
  ['AK', 'Alaska', 'West', 'Pacific'],
  ['AZ', 'Arizona', 'West', 'Mountain'],
  ['AR', 'Arkansas', 'South', 'West South Central'],
  ['CA', 'California', 'West', 'Pacific'],
  ['CO', 'Colorado', 'West', 'Mountain'],
  ['CT', 'Connecticut', 'Northeast', 'New England'],
  ['DE', 'Delaware', 'South', 'South Atlantic'],
  ['DC', 'District of Columbia', 'South', 'South Atlantic'],
  ['FL', 'Florida', 'South', 'South Atlantic'],
  ['GA', 'Georgia', 'South', 'South Atlantic'],
  ['HI', 'Hawaii', 'West', 'Pacific'],
  ['ID', 'Idaho', 'West', 'Mountain'],
  ['IL', 'Illinois', 'Midwest', 'East North Central'],
  ['IN', 'Indiana', 'Midwest', 'East North Central'],
  ['IA', 'Iowa', 'Midwest', 'West North Central'],
  ['KS', 'Kansas', 'Midwest', 'West North Central'],
  ['KY', 'Kentucky', 'South', 'East South Central'],
  ['LA', 'Louisiana', 'South', 'West South Central'],
  ['ME', 'Maine', 'Northeast', 'New England'],
  ['MD', 'Maryland', 'South', 'South Atlantic'],
  ['MA', 'Massachusetts', 'Northeast', 'New England'],
  ['MI', 'Michigan', 'Midwest', 'East North Central'],
  ['MN', 'Minnesota', 'Midwest', 'West North Central'],
  ['MS', 'Mississippi', 'South', 'East South Central'],
  ['MO', 'Missouri', 'Midwest', 'West North Central'],
  ['MT', 'Montana', 'West', 'Mountain'],
  ['NE', 'Nebraska', 'Midwest', 'West North Central'],
  ['NV', 'Nevada', 'West', 'Mountain'],
  ['NH', 'New Hampshire', 'Northeast', 'New England'],
  ['NJ', 'New Jersey', 'Northeast', 'Middle Atlantic'],
  ['NM', 'New Mexico', 'West', 'Mountain'],
  ['NY', 'New York', 'Northeast', 'Middle Atlantic'],
  ['NC', 'North Carolina', 'South', 'South Atlantic'],
  ['ND', 'North Dakota', 'Midwest', 'West North Central'],
  ['OH', 'Ohio', 'Midwest', 'East North Central'],
  ['OK', 'Oklahoma', 'South', 'West South Central'],
  ['OR', 'Oregon', 'West', 'Pacific'],
  ['PA', 'Pennsylvania', 'Northeast', 'Middle Atlantic'],
  ['PR', 'Puerto Rico', 'Territories', 'Puerto Rico'],
  ['RI', 'Rhode Island', 'Northeast', 'New England'],
  ['SC', 'South Carolina', 'South', 'South Atlantic'],
  ['SD', 'South Dakota', 'Midwest', 'West North Central'],
  ['TN', 'Tennessee', 'South', 'East South Central'],
  ['TX', 'Texas', 'South', 'West South Central'],
  ['UT', 'Utah', 'West', 'Mountain'],
  ['VT', 'Vermont', 'Northeast', 'New England'],
  ['VA', 'Virginia', 'South', 'South Atlantic'],
  ['WA', 'Washington', 'West', 'Pacific'],
  ['WV', 'West Virginia', 'South', 'South Atlantic'],
  ['WI', 'Wisconsin', 'Midwest', 'East North Central'],
  ['WY', 'Wyoming', 'West', 'Mountain'],
];

/** Every USPS code we accept, with its ACGME code and Census region/division. */
export const STATES: Readonly<Record<string, StateInfo>> = Object.fromEntries(
  STATE_ROWS.map(([code, name, region, division]) => [code, { name, region, division }]),
);

/** USPS state codes, in table order. */
export const STATE_CODES: readonly string[] = STATE_ROWS.map(([code]) => code);

/** Census regions in the order the site lists them. */
export const REGION_ORDER: readonly CensusRegion[] = CENSUS_REGIONS;

/** The state record for a USPS code, or undefined for a code not in the table. */
export function stateInfo(code: string): StateInfo | undefined {
  return Object.hasOwn(STATES, code) ? STATES[code] : undefined;
}

/** Digits 4–5 of an ACGME program ID: the ACGME state code. */
export function acgmeStateCodeOf(id: string): string {
  return id.slice(3, 5);
}

/** The track an ACGME ID's specialty prefix stands for, or undefined for another specialty. */
export function trackForId(id: string): Track | undefined {
  const prefix = id.slice(0, 3);
  return (Object.keys(TRACK_PREFIX) as Track[]).find((t) => TRACK_PREFIX[t] === prefix);
}

/** Short human label of a track. */
export const TRACK_LABEL: Readonly<Record<Track, string>> = {
  dr: 'Diagnostic Radiology',
  'ir-integrated': 'IR–Integrated',
  'ir-independent': 'IR–Independent',
};

// ---------------------------------------------------------------------------------------------
// Policy facts: defaults, wording, questions
// ---------------------------------------------------------------------------------------------

/** The source text of a fact nobody has verified yet. */
export const UNVERIFIED_SOURCE = 'not yet verified';

/** A fresh set of policy facts, every one unknown. */
export function unknownFacts(): PolicyFacts {
  const fact = { value: UNKNOWN, source: UNVERIFIED_SOURCE } as const;
  return {
    j1: { ...fact },
    h1b: { ...fact },
    maxYearsSinceGraduation: { ...fact },
    step2Minimum: { ...fact },
    attempts: { ...fact },
    usce: { ...fact },
    pgy1: { ...fact },
    positionsPerYear: { ...fact },
    imgShare: { ...fact },
    imgConsidered: { ...fact },
    imgRecent: { ...fact },
    totalResidents: { ...fact },
    esir: { ...fact },
    setting: { ...fact },
  };
}

/** How each policy fact is named and the exact question to put to a program when it is unknown. */
export const FACT_COPY: Readonly<Record<PolicyFactKey, { label: string; question: string }>> = {
  j1: {
    label: 'J-1 visa (ECFMG)',
    question: 'Do you sponsor J-1 visas through ECFMG for incoming residents?',
  },
  h1b: {
    label: 'H-1B visa',
    question: 'Do you sponsor H-1B visas for incoming residents, and must USMLE Step 3 be passed before you file?',
  },
  maxYearsSinceGraduation: {
    label: 'Years since graduation',
    question: 'Do you have a cutoff for years since medical school graduation, and if so, how many years?',
  },
  step2Minimum: {
    label: 'Step 2 CK minimum',
    question: 'Do you screen applications by a minimum USMLE Step 2 CK score, and if so, what is it?',
  },
  attempts: {
    label: 'USMLE attempts',
    question: 'Do you consider applicants who failed a USMLE Step on a first attempt?',
  },
  usce: {
    label: 'US clinical experience',
    question: 'Do you require US clinical experience, and do observerships count toward it?',
  },
  pgy1: {
    label: 'PGY-1 year',
    question:
      'Is the PGY-1 year part of the program (categorical), or must applicants secure it separately (advanced)?',
  },
  positionsPerYear: {
    label: 'Positions per year',
    question: 'How many residents do you take each year?',
  },
  imgShare: {
    label: 'IMGs among residents',
    question: 'How many of your current residents graduated from medical schools outside the US?',
  },
  imgConsidered: {
    label: 'Considers international graduates',
    question: 'Do you consider applicants who graduated from medical schools outside the US and Canada?',
  },
  imgRecent: {
    label: 'International graduates among recent residents',
    question: 'Have you had residents from medical schools outside the US and Canada in the last few classes?',
  },
  totalResidents: {
    label: 'Residents in all years',
    question: 'How many residents do you have in all years together?',
  },
  esir: {
    label: 'ESIR (Early Specialization in IR)',
    question: 'Do your DR residents have the Early Specialization in IR (ESIR) pathway?',
  },
  setting: {
    label: 'Setting',
    question: 'Is the program university-based, community-based with a university affiliation, or community-based?',
  },
};

const ENUM_WORDS: Readonly<Record<string, string>> = {
  'first-attempt-only': 'First-attempt passes only',
  'one-failure-considered': 'One failed attempt considered',
  'no-stated-limit': 'No stated limit',
  categorical: 'Categorical (PGY-1 included)',
  advanced: 'Advanced (PGY-1 arranged separately)',
  both: 'Both categorical and advanced positions',
  required: 'Required',
  preferred: 'Preferred',
  'not-required': 'Not required',
  yes: 'Yes',
  rarely: 'Rarely (one in recent classes)',
  no: 'None in recent classes',
  university: 'University-based',
  'community-university-affiliated': 'Community-based, university-affiliated',
  community: 'Community-based',
};

// Boolean facts that are not about visa sponsorship.
const BOOLEAN_WORDS: Partial<Record<PolicyFactKey, readonly [string, string]>> = {
  imgConsidered: ['Yes, considers them', 'No, does not consider them'],
  esir: ['Yes, offers ESIR', 'No ESIR'],
};

/** Words for a fact's status when its value is unknown for a reason. */
export const STATUS_WORDS: Readonly<Record<FactStatus, string>> = {
  disagree: 'Sources disagree',
  'case-by-case': 'Decided case by case',
  'dol-filing': 'H-1B filing on record (US DOL)',
};

/** A known fact value in words; "unknown" reads as "Not verified". */
export function formatFactValue(key: PolicyFactKey, value: PolicyFacts[PolicyFactKey]['value']): string {
  if (value === UNKNOWN) return 'Not verified';
  if (typeof value === 'boolean') {
    const words = BOOLEAN_WORDS[key];
    if (words) return value ? words[0] : words[1];
    return value ? 'Yes, sponsors' : 'No, does not sponsor';
  }
  if (value === 'none') return key === 'maxYearsSinceGraduation' ? 'No cutoff' : 'No minimum';
  if (typeof value === 'number') {
    if (key === 'imgShare') return `${Math.round(value * 100)}%`;
    if (key === 'maxYearsSinceGraduation') return `${value} years`;
    return String(value);
  }
  return ENUM_WORDS[value] ?? value;
}

/** How many programs have a known (not "unknown") value, per policy fact. */
export function knownFactCounts(programs: readonly Program[]): Record<PolicyFactKey, number> {
  const counts = Object.fromEntries(POLICY_FACT_KEYS.map((k) => [k, 0])) as Record<PolicyFactKey, number>;
  for (const p of programs) for (const k of POLICY_FACT_KEYS) if (p.facts[k].value !== UNKNOWN) counts[k] += 1;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Where to verify a program
// ---------------------------------------------------------------------------------------------

/** The program's page on FREIDA (AMA), addressed by ACGME ID. */
export function freidaUrl(id: string): string {
  return `https://freida.ama-assn.org/program/${id}`;
}

// ACGME's detail pages use an internal key, not the program ID, so we link the public search page,
// where the ID goes in the "Program Number" field.
/** ACGME's public program search page. */
export const ACGME_SEARCH_URL = 'https://apps.acgme.org/ads/Public/Programs/Search';

// ---------------------------------------------------------------------------------------------
// Compiled dataset and compact payload
// ---------------------------------------------------------------------------------------------

/** A policy fact as stored in the compact payload (only facts that differ from "unknown, not yet verified"). */
const compactFactSchema = z.object({
  v: z.union([z.boolean(), z.number(), z.string()]),
  s: z.string().check(z.minLength(1)),
  u: z.optional(z.string()),
  d: z.optional(z.string()),
  /** Scope: "p" program, "i" institution. */
  o: z.optional(z.enum(['p', 'i'])),
  /** Status of an unknown value. */
  t: z.optional(factStatusSchema),
  /** Condition. */
  w: z.optional(z.string()),
});

/** One program in the compact payload; omitted keys take their defaults. */
export const compactProgramSchema = z.object({
  /** ACGME ID (the track follows from its prefix). */
  i: acgmeIdSchema,
  /** Display name. */
  n: z.string().check(z.minLength(1)),
  /** Display city. */
  c: z.string().check(z.minLength(1)),
  /** State code (region and division follow from it). */
  s: z.string().check(z.regex(/^[A-Z]{2}$/)),
  /** Source name, only when it differs from the display name. */
  sn: z.optional(z.string().check(z.minLength(1))),
  /** Source city, only when it differs from the display city. */
  sc: z.optional(z.string().check(z.minLength(1))),
  /** Flags bit set: 1 = new program, 2 = osteopathic recognition. */
  f: z.optional(numberIn(0, 3)),
  /** Sibling IDs. */
  k: z.optional(z.array(acgmeIdSchema)),
  /** IR-Independent IDs matched to this DR program. */
  ii: z.optional(z.array(acgmeIdSchema)),
  /** IR–Independent presence, when not "no": "y" yes, "p" possible. */
  r: z.optional(z.enum(['y', 'p'])),
  /** US DOL H-1B filings for radiology residents at the institution, when any. */
  h: z.optional(numberIn(1, 100)),
  /** Facts that are not "unknown, not yet verified", by policy fact. */
  x: z.optional(
    z.object(
      Object.fromEntries(POLICY_FACT_KEYS.map((key) => [key, z.optional(compactFactSchema)])) as Record<
        PolicyFactKey,
        z.ZodMiniOptional<typeof compactFactSchema>
      >,
    ),
  ),
});
export type CompactProgram = z.infer<typeof compactProgramSchema>;

/** The compact browser payload (src/generated/programs.min.json). */
export const compactPayloadSchema = z.object({ v: z.literal(1), p: z.array(compactProgramSchema) });
export type CompactPayload = z.infer<typeof compactPayloadSchema>;

/** Encodes programs (and IR-Independent matches) into the compact payload. */
export function encodeCompactPrograms(
  programs: readonly Program[],
  irIndependent: readonly IrIndependentMatch[] = [],
): CompactPayload {
  return {
    v: 1,
    p: programs.map((p) => {
      const out: CompactProgram = { i: p.id, n: p.name, c: p.city, s: p.state };
      if (p.sourceName !== p.name) out.sn = p.sourceName;
      if (p.sourceCity !== p.city) out.sc = p.sourceCity;
      const f = (p.flags.newProgram ? 1 : 0) | (p.flags.osteopathicRecognized ? 2 : 0);
      if (f) out.f = f;
      if (p.siblings.length) out.k = [...p.siblings];
      const ii = irIndependent.filter((m) => m.drId === p.id).map((m) => m.irIndependentId);
      if (ii.length) out.ii = ii;
      if (p.irIndependent !== 'no') out.r = p.irIndependent === 'yes' ? 'y' : 'p';
      if (p.h1bFilings > 0) out.h = p.h1bFilings;
      const x: NonNullable<CompactProgram['x']> = {};
      for (const key of POLICY_FACT_KEYS) {
        const fact = p.facts[key];
        if (fact.value === UNKNOWN && fact.source === UNVERIFIED_SOURCE && !fact.url && !fact.checkedOn) continue;
        // A dataset fact (it has a scope) leaves its URL and dates on the program page, which the planner
        // links to: they are a third of the payload and the browser never shows them.
        const page = fact.scope !== undefined;
        x[key] = {
          v: fact.value,
          s: fact.source,
          ...(fact.url && !page ? { u: fact.url } : {}),
          ...(fact.checkedOn && !page ? { d: fact.checkedOn } : {}),
          ...(fact.scope ? { o: fact.scope === 'program' ? 'p' : 'i' } : {}),
          ...(fact.status ? { t: fact.status } : {}),
          ...(fact.condition ? { w: fact.condition } : {}),
        };
      }
      if (Object.keys(x).length) out.x = x;
      return out;
    }),
  };
}

/**
 * Decodes the compact payload back into validated `Program` objects (throws on a malformed payload).
 * The result is what `programSchema.parse` would accept and return, without running it on every
 * program: the compact schema checks every field that comes from the payload, the fact schemas check
 * each fact the payload carries, and the rest (track, region, division, flags, the unknown facts) is
 * built here from constants. Running `programSchema` on all 296 programs took the share page ~100 ms.
 */
export function decodeCompactPrograms(payload: unknown): Program[] {
  const factSchemas = policyFactsSchema.shape;
  return programsOf(compactPayloadSchema.parse(payload), (key, fact) => factSchemas[key].parse(fact));
}

/**
 * Builds the programs of a payload that is known to be valid without validating it again: the caller
 * must have proved the payload is the one the build validated (the islands compare its SHA-256 with
 * the digest the compile step wrote). Gives what `decodeCompactPrograms` gives for that payload.
 */
export function decodeVerifiedCompactPrograms(payload: CompactPayload): Program[] {
  return programsOf(payload, (_key, fact) => fact);
}

/** The programs of a parsed payload; `checkFact` validates (or passes through) each fact it carries. */
function programsOf(parsed: CompactPayload, checkFact: (key: PolicyFactKey, fact: unknown) => unknown): Program[] {
  return parsed.p.map((c): Program => {
    const track = trackForId(c.i);
    const state = stateInfo(c.s);
    if (!track || !state) throw new Error(`compact program ${c.i}: unknown track or state`);
    const facts = unknownFacts() as Record<PolicyFactKey, unknown>;
    for (const key of POLICY_FACT_KEYS) {
      const f = c.x?.[key];
      if (f)
        facts[key] = checkFact(key, {
          value: f.v,
          source: f.s,
          ...(f.u ? { url: f.u } : {}),
          ...(f.d ? { checkedOn: f.d } : {}),
          ...(f.o ? { scope: f.o === 'p' ? 'program' : 'institution' } : {}),
          ...(f.t ? { status: f.t } : {}),
          ...(f.w ? { condition: f.w } : {}),
        });
    }
    return {
      id: c.i,
      track,
      name: c.n,
      sourceName: c.sn ?? c.n,
      city: c.c,
      sourceCity: c.sc ?? c.c,
      state: c.s,
      region: state.region,
      division: state.division,
      flags: { newProgram: ((c.f ?? 0) & 1) === 1, osteopathicRecognized: ((c.f ?? 0) & 2) === 2 },
      facts: facts as Program['facts'],
      siblings: c.k ?? [],
      irIndependent: c.r === 'y' ? 'yes' : c.r === 'p' ? 'possible' : 'no',
      h1bFilings: c.h ?? 0,
    };
  });
}

/** DR program ID → matched IR-Independent IDs, read from the compact payload. */
export function decodeCompactIrIndependent(payload: unknown): Map<string, string[]> {
  const parsed = compactPayloadSchema.parse(payload);
  return new Map(parsed.p.filter((c) => c.ii?.length).map((c) => [c.i, c.ii ?? []]));
}
