/**
 * The applicant profile the planner collects: exam results, visa, US experience, letters, research
 * and preferences. No name or contact details; unknown keys are dropped when parsing.
 */
import { numberIn, whenZod3, z } from '../util/zod';
import { CENSUS_REGIONS } from '../data/program';
import { stateInfo } from '../data/dataset';

// One plain message per field: zod's own texts ("Expected number, received string") mean little to
// an applicant, so every issue of a field (its type and each of its checks) carries the rule in words.
const wholeNumber = (what: string, max: number) => numberIn(0, max, `${what} is a whole number from 0 to ${max}`);
const monthsOf = (what: string) => numberIn(0, 120, `${what} is a number of months from 0 to 120`, false);

/** Step 1 outcome. */
export const step1StatusSchema = z.enum(
  ['passed-first-attempt', 'passed-after-failure', 'not-taken'],
  'Step 1 is one of: passed on the first attempt, passed after a failure, not taken yet',
);
export type Step1Status = z.infer<typeof step1StatusSchema>;

/** Step 3 status. */
export const step3StatusSchema = z.enum(
  ['passed', 'will-pass-before-ranking', 'no'],
  'Step 3 is one of: passed, will pass before ranking, no',
);
export type Step3Status = z.infer<typeof step3StatusSchema>;

/** Which visa the applicant needs; "none" for, e.g., a permanent resident. */
export const visaNeedSchema = z.enum(['j1', 'h1b', 'either', 'none'], 'Visa need is one of: J-1, H-1B, either, none');
export type VisaNeed = z.infer<typeof visaNeedSchema>;

/** A track the applicant wants. */
export const wantedTrackSchema = z.enum(
  ['ir-integrated', 'dr'],
  'A track is IR–Integrated ("ir-integrated") or Diagnostic Radiology ("dr")',
);
export type WantedTrack = z.infer<typeof wantedTrackSchema>;

const STEP2_SCORE = 'Step 2 CK is a score from 1 to 300, or "not taken yet"';

/** Step 2 CK: the score (or "not-taken") and the number of attempts so far. */
export const step2Schema = z.object(
  {
    /** Latest score 1–300, or "not-taken". */
    score: z.union([numberIn(1, 300, STEP2_SCORE), z.literal('not-taken')], STEP2_SCORE),
    /** Attempts so far, 1 for a first-time pass. */
    attempts: numberIn(1, 6, 'Step 2 CK attempts is a whole number from 1 to 6'),
  },
  'Step 2 CK needs a score (or "not taken yet") and a number of attempts',
);
export type Step2 = z.infer<typeof step2Schema>;

/** US experience in months by kind. */
export const usExperienceSchema = z.object(
  {
    /** Hands-on electives or sub-internships. */
    handsOn: monthsOf('Hands-on US clinical experience'),
    /** Externships. */
    externship: monthsOf('US externship'),
    /** Observerships. */
    observership: monthsOf('US observership'),
    /** Research in the US. */
    research: monthsOf('US research'),
  },
  'US experience needs months of hands-on work, externships, observerships and research (0 when none)',
);
export type UsExperience = z.infer<typeof usExperienceSchema>;

/** US letters of recommendation by kind. */
export const lettersSchema = z.object(
  {
    /** From IR faculty. */
    ir: wholeNumber('The number of US letters from IR', 10),
    /** From DR faculty. */
    dr: wholeNumber('The number of US letters from DR', 10),
    /** From another core specialty. */
    otherCore: wholeNumber('The number of US letters from other specialties', 10),
  },
  'Letters need a count for IR, DR and other specialties (0 when none)',
);
export type Letters = z.infer<typeof lettersSchema>;

/** Research output. */
export const researchSchema = z.object(
  {
    /** IR or imaging publications. */
    irPublications: wholeNumber('The number of IR or imaging publications', 200),
    /** Publications in other fields. */
    otherPublications: wholeNumber('The number of other publications', 200),
    /** Abstracts, posters and presentations. */
    abstracts: wholeNumber('The number of abstracts, posters and presentations', 200),
  },
  'Research needs counts of IR publications, other publications and abstracts (0 when none)',
);
export type Research = z.infer<typeof researchSchema>;

const REGIONS = 'Regions are Northeast, Midwest, South, West or Territories';
const TRACKS = 'Choose at least one track: IR–Integrated or Diagnostic Radiology';
const STATE = 'A state is a two-letter code such as NY';

/** The answers of a profile, each checked on its own. */
const profileFieldsSchema = z.object(
  {
    /** Step 1 outcome. */
    step1: step1StatusSchema,
    /** Step 2 CK. */
    step2: step2Schema,
    /** Step 3. */
    step3: step3StatusSchema,
    /** ECFMG certification. */
    ecfmg: z.enum(['certified', 'pending'], 'ECFMG certification is certified or pending'),
    /** Year of medical school graduation; null until entered. */
    graduationYear: z.nullable(numberIn(1950, 2100, 'Graduation year is a year such as 2021, between 1950 and 2100')),
    /** Visa needed for residency. */
    visa: visaNeedSchema,
    /** US experience in months by kind. */
    usExperience: usExperienceSchema,
    /** US letters by kind. */
    letters: lettersSchema,
    /** Research output. */
    research: researchSchema,
    /** Honours or leadership roles: a count (true counts as 1). */
    honours: z.pipe(
      z.transform((v) => (typeof v === 'boolean' ? Number(v) : v)),
      numberIn(0, 50, 'Honours and leadership is a count from 0 to 50'),
    ),
    /** Tracks wanted: at least one. */
    tracks: z.array(wantedTrackSchema, TRACKS).check(
      z.minLength(1, TRACKS),
      z.refine((t) => new Set(t).size === t.length, 'Each track is listed once'),
    ),
    /** Preferred US Census regions (empty = no preference). */
    regions: z.array(z.enum(CENSUS_REGIONS, REGIONS), REGIONS),
    /** Preferred states as two-letter codes (empty = no preference). */
    states: z.array(
      z.string(STATE).check(
        z.regex(/^[A-Z]{2}$/, STATE),
        z.refine((code) => stateInfo(code) !== undefined, 'Not a US state code: use two letters such as NY, TX or PR'),
      ),
      'States are a list of two-letter codes such as NY',
    ),
    /** Budget for application fees in US dollars. */
    budgetUsd: z.optional(numberIn(0, 100_000, 'Budget is an amount in US dollars from 0 to 100,000', false)),
  },
  'A profile is a set of answers',
);

/** The whole applicant profile. */
export const profileSchema = profileFieldsSchema.check(
  z.check<z.infer<typeof profileFieldsSchema>>(({ value: p, issues }) => {
    if (p.ecfmg === 'certified' && (p.step1 === 'not-taken' || p.step2.score === 'not-taken')) {
      issues.push({
        code: 'custom',
        path: ['ecfmg'],
        input: p.ecfmg,
        message: 'ECFMG certification needs Step 1 and Step 2 CK passed; choose "pending" until then',
      });
    }
  }, whenZod3),
);
export type Profile = z.infer<typeof profileSchema>;

/** One readable problem with a profile. */
export interface ProfileError {
  /** Dotted path of the field, e.g. "step2.score". */
  readonly path: string;
  /** What is wrong, in plain words. */
  readonly message: string;
}

/** The result of parsing a profile. */
export type ProfileParseResult =
  { readonly ok: true; readonly profile: Profile } | { readonly ok: false; readonly errors: readonly ProfileError[] };

/** A blank profile: nothing entered yet, both tracks wanted. */
export function defaultProfile(): Profile {
  return {
    step1: 'passed-first-attempt',
    step2: { score: 'not-taken', attempts: 1 },
    step3: 'no',
    ecfmg: 'pending',
    graduationYear: null,
    visa: 'j1',
    usExperience: { handsOn: 0, externship: 0, observership: 0, research: 0 },
    letters: { ir: 0, dr: 0, otherCore: 0 },
    research: { irPublications: 0, otherPublications: 0, abstracts: 0 },
    honours: 0,
    tracks: ['ir-integrated', 'dr'],
    regions: [],
    states: [],
  };
}

/** Validates untrusted input as a profile, with every problem as a plain-words message. */
export function parseProfile(input: unknown): ProfileParseResult {
  const result = profileSchema.safeParse(input);
  if (result.success) return { ok: true, profile: result.data };
  const seen = new Set<string>();
  const errors: ProfileError[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    const key = `${path}\n${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ path, message: issue.message });
  }
  return { ok: false, errors };
}
