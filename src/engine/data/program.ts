/**
 * The program shape the whole product shares: the build-time compile step validates every
 * dataset row against it, the pages render it, and the engine scores it.
 */
import { numberIn, z } from '../util/zod';

/** The literal we store for a fact nobody has verified. Distinct from "no". */
export const UNKNOWN = 'unknown' as const;

/** An ISO calendar date, e.g. 2026-11-28. */
export const isoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD'));

/** A residency track. `ir-independent` is ready for rows we do not have yet. */
export const trackSchema = z.enum(['dr', 'ir-integrated', 'ir-independent']);
export type Track = z.infer<typeof trackSchema>;

/** ACGME specialty prefix (first three digits of the program ID) for each track. */
export const TRACK_PREFIX: Record<Track, string> = {
  dr: '420',
  'ir-integrated': '416',
  'ir-independent': '415',
};

/** A 10-digit ACGME program ID kept as text (3-digit specialty, 2-digit state code, 5-digit sequence). */
export const acgmeIdSchema = z.string().check(z.regex(/^\d{10}$/, 'an ACGME ID is exactly 10 digits'));

/** A web address as written (as zod 3's `.url()`: anything `new URL` reads; zod 4's `z.url()` would rewrite it). */
export function urlSchema(message = 'Invalid url') {
  return z.string().check(
    z.refine((s) => {
      try {
        return Boolean(new URL(s));
      } catch {
        return false;
      }
    }, message),
  );
}

/** Who a fact speaks for: the radiology program itself, or the whole institution (weaker). */
export const factScopeSchema = z.enum(['program', 'institution']);
export type FactScope = z.infer<typeof factScopeSchema>;

/** What kind of source a piece of evidence is. Only the institution's own pages and public records count. */
export const sourceKindSchema = z.enum([
  'program-site',
  'institution-gme',
  'institution-international',
  'dol-filing',
  'acgme-list',
  'derived',
]);
export type SourceKind = z.infer<typeof sourceKindSchema>;

/**
 * Why a fact with value "unknown" is not plain unknown: its sources disagree, the institution says it
 * decides case by case, or (H-1B only) the institution filed for a radiology resident with the US DOL.
 */
export const factStatusSchema = z.enum(['disagree', 'case-by-case', 'dol-filing']);
export type FactStatus = z.infer<typeof factStatusSchema>;

/** A date as a page shows it: a day, a month, a year, or "undated". */
export const pageDateSchema = z
  .string()
  .check(z.regex(/^(\d{4}(-\d{2}(-\d{2})?)?|undated)$/, 'a page date is YYYY, YYYY-MM, YYYY-MM-DD or "undated"'));

/**
 * A policy fact: a value or "unknown", always with where it came from.
 * `source` says who stated it (e.g. "program website"); `checkedOn` is when we read it.
 * A fact from the dataset also says its `scope` (program or institution); `status` explains an
 * "unknown" that is more than unknown (sources disagree, case by case, a DOL filing).
 */
export function factSchema<T extends z.core.SomeType>(value: T) {
  return z.object({
    /** The fact, or "unknown" when nobody has verified it. */
    value: z.union([unknownSchema, value]),
    /** Who stated it, or why it is unknown. */
    source: factSourceSchema,
    /** Where the source can be read. */
    url: factUrlSchema,
    /** When the source was read. */
    checkedOn: factDateSchema,
    /** Whom the source speaks for; absent for a user's own verification (always the program). */
    scope: factScopeOptional,
    /** Why an unknown value is not plain unknown. */
    status: factStatusOptional,
    /** Conditions the source attaches to the value, in our words (e.g. "Step 3 before ranking"). */
    condition: factConditionOptional,
  });
}

// The parts every fact shares, made once (each schema costs start-up time in the browser).
const unknownSchema = z.literal(UNKNOWN);
const factSourceSchema = z.string().check(z.minLength(1));
const factUrlSchema = z.optional(urlSchema());
const factDateSchema = z.optional(isoDateSchema);
const factScopeOptional = z.optional(factScopeSchema);
const factStatusOptional = z.optional(factStatusSchema);
const factConditionOptional = z.optional(z.string().check(z.minLength(1), z.maxLength(160)));

/** One source's statement about one fact of one program, as the program pages show it. */
export const evidenceSchema = z.object({
  /** Which fact (a policy fact key). */
  fact: z.string().check(z.minLength(1)),
  /** The value as the source states it, e.g. "yes", "case-by-case", "8". */
  value: z.string().check(z.minLength(1)),
  /** Conditions the source attaches, in our words. */
  condition: factConditionOptional,
  /** Whom it speaks for. */
  scope: factScopeSchema,
  /** What kind of source it is. */
  kind: sourceKindSchema,
  /** Where it can be read. */
  url: factUrlSchema,
  /** The date the page shows, or "undated". */
  pageDate: pageDateSchema,
  /** When we read it. */
  checkedOn: isoDateSchema,
  /** What the source states, in our own words. */
  note: z.string().check(z.minLength(20), z.maxLength(300)),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** How a program treats USMLE attempts. */
export const attemptsPolicySchema = z.enum(['first-attempt-only', 'one-failure-considered', 'no-stated-limit']);
export type AttemptsPolicy = z.infer<typeof attemptsPolicySchema>;

/** Whether graduates of medical schools outside the US and Canada are among recent residents. */
export const imgRecentSchema = z.enum(['yes', 'rarely', 'no']);
export type ImgRecent = z.infer<typeof imgRecentSchema>;

/** The program's setting, only as the program or institution describes itself. */
export const settingSchema = z.enum(['university', 'community-university-affiliated', 'community']);
export type Setting = z.infer<typeof settingSchema>;

/** Whether the PGY-1 year is part of the program. */
export const pgy1Schema = z.enum(['categorical', 'advanced', 'both']);

/** US clinical experience requirement. */
export const usceRequirementSchema = z.enum(['required', 'preferred', 'not-required']);

/** Every policy fact a program can have; each defaults to unknown. */
export const policyFactsSchema = z.object({
  /** Sponsors the J-1 (ECFMG) visa for residents. */
  j1: factSchema(z.boolean()),
  /** Sponsors the H-1B visa for residents. */
  h1b: factSchema(z.boolean()),
  /** Most years since medical school graduation the program accepts; "none" = no cutoff. */
  maxYearsSinceGraduation: factSchema(z.union([numberIn(0, 60), z.literal('none')])),
  /** Lowest Step 2 CK score the program considers; "none" = no minimum. */
  step2Minimum: factSchema(z.union([numberIn(1, 300), z.literal('none')])),
  /** How the program treats failed USMLE attempts. */
  attempts: factSchema(attemptsPolicySchema),
  /** Whether US clinical experience is required. */
  usce: factSchema(usceRequirementSchema),
  /** Categorical (PGY-1 included) or advanced (PGY-1 elsewhere). */
  pgy1: factSchema(pgy1Schema),
  /** Residents taken per year. */
  positionsPerYear: factSchema(numberIn(0, 100)),
  /** Share (0–1) of IMGs among recent residents. */
  imgShare: factSchema(numberIn(0, 1, undefined, false)),
  /** Considers international medical graduates at all. */
  imgConsidered: factSchema(z.boolean()),
  /** Graduates of non-US/Canadian schools among recent residents: yes, rarely (one), or none. */
  imgRecent: factSchema(imgRecentSchema),
  /** Residents in all years, where the source gives no per-year figure. */
  totalResidents: factSchema(numberIn(0, 400)),
  /** Offers the Early Specialization in IR pathway (DR programs). */
  esir: factSchema(z.boolean()),
  /** University-based, community-based university-affiliated, or community-based, as the program says. */
  setting: factSchema(settingSchema),
});
export type PolicyFacts = z.infer<typeof policyFactsSchema>;
export type PolicyFactKey = keyof PolicyFacts;
export const POLICY_FACT_KEYS = Object.keys(policyFactsSchema.shape) as PolicyFactKey[];

/** US Census regions, in the order the site lists them. */
export const CENSUS_REGIONS = ['Northeast', 'Midwest', 'South', 'West', 'Territories'] as const;
/** One US Census region. */
export const censusRegionSchema = z.enum(CENSUS_REGIONS);
export type CensusRegion = z.infer<typeof censusRegionSchema>;

/** IR–Independent presence at a program's institution, from the ACGME list and our matches. */
export const irIndependentPresenceSchema = z.enum(['yes', 'possible', 'no']);
export type IrIndependentPresence = z.infer<typeof irIndependentPresenceSchema>;

/** One compiled program, as pages and the engine see it. */
export const programSchema = z.object({
  /** ACGME program ID. */
  id: acgmeIdSchema,
  /** Which track the program trains for. */
  track: trackSchema,
  /** Display name, normalized from the source string. */
  name: z.string().check(z.minLength(1)),
  /** The sponsoring-institution string exactly as the source list has it. */
  sourceName: z.string().check(z.minLength(1)),
  /** City, normalized. */
  city: z.string().check(z.minLength(1)),
  /** City exactly as the source list has it. */
  sourceCity: z.string().check(z.minLength(1)),
  /** USPS state code. */
  state: z.string().check(z.regex(/^[A-Z]{2}$/)),
  /** US Census region (derived from the state). */
  region: censusRegionSchema,
  /** US Census division (derived from the state). */
  division: z.string().check(z.minLength(1)),
  /** Badges in the source list. */
  flags: z.object({ newProgram: z.boolean(), osteopathicRecognized: z.boolean() }),
  /** Policy facts with provenance. */
  facts: policyFactsSchema,
  /** IDs of programs of another track at the same institution (the DR↔IR pathway signal). */
  siblings: z.array(acgmeIdSchema),
  /** IR–Independent at the institution: matched in the ACGME list, possible (an unmatched entry in the state), or not listed. */
  irIndependent: irIndependentPresenceSchema,
  /** US DOL H-1B filings (LCAs) for a radiology resident at the institution, in the quarter we hold. */
  h1bFilings: numberIn(0, 100),
  /** Every source's statement behind the facts, for the program pages (absent in the browser payload). */
  evidence: z.optional(z.array(evidenceSchema)),
});
export type Program = z.infer<typeof programSchema>;
