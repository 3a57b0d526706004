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

/**
 * A policy fact: a value or "unknown", always with where it came from.
 * `source` says who stated it (e.g. "program website"); `checkedOn` is when we read it.
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
  });
}

// The parts every fact shares, made once (each schema costs start-up time in the browser).
const unknownSchema = z.literal(UNKNOWN);
const factSourceSchema = z.string().check(z.minLength(1));
const factUrlSchema = z.optional(urlSchema());
const factDateSchema = z.optional(isoDateSchema);

/** How a program treats USMLE attempts. */
export const attemptsPolicySchema = z.enum(['first-attempt-only', 'one-failure-considered', 'no-stated-limit']);
export type AttemptsPolicy = z.infer<typeof attemptsPolicySchema>;

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
});
export type PolicyFacts = z.infer<typeof policyFactsSchema>;
export type PolicyFactKey = keyof PolicyFacts;
export const POLICY_FACT_KEYS = Object.keys(policyFactsSchema.shape) as PolicyFactKey[];

/** US Census regions, in the order the site lists them. */
export const CENSUS_REGIONS = ['Northeast', 'Midwest', 'South', 'West', 'Territories'] as const;
/** One US Census region. */
export const censusRegionSchema = z.enum(CENSUS_REGIONS);
export type CensusRegion = z.infer<typeof censusRegionSchema>;

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
});
export type Program = z.infer<typeof programSchema>;
