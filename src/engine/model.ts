/**
 * The interview-chance model's parameters (content/reference/model.json) and the published figures
 * it reads, validated and resolved into one value the other engine functions take.
 */
import { z } from 'zod';
import { figure, type ReferenceFile } from './reference';

/** The two tracks the model scores; IR–Independent is a fellowship-type list we have no rows for. */
export const modelledTrackSchema = z.enum(['dr', 'ir-integrated']);
export type ModelledTrack = z.infer<typeof modelledTrackSchema>;

/** Every parameter the engine reads; a missing or extra id in model.json fails validation. */
export const PARAMETER_IDS = [
  'base.dr',
  'base.ir-integrated',
  'step2.per-point.dr',
  'step2.per-point.ir-integrated',
  'step2.not-taken',
  'step2.per-extra-attempt',
  'step1.failure',
  'step1.not-taken',
  'step3.passed',
  'ecfmg.pending',
  'usce.hands-on.per-month',
  'usce.hands-on.cap',
  'usce.externship.per-month',
  'usce.externship.cap',
  'usce.observership.per-month',
  'usce.observership.cap',
  'usce.research.per-month',
  'usce.research.cap',
  'usce.none',
  'letters.ir.each',
  'letters.ir.max-count',
  'letters.dr.each',
  'letters.dr.max-count',
  'letters.other.each',
  'letters.other.max-count',
  'research.ir.per-publication',
  'research.ir.cap',
  'research.abstracts.each',
  'research.abstracts.cap',
  'research.other.per-publication',
  'research.other.cap',
  'honours.each',
  'honours.cap',
  'graduation.free-years',
  'graduation.per-year-beyond',
  'program.img-history.some',
  'program.img-history.none',
  'match.q',
  'band.reach-below',
  'band.likely-from',
  'plan.target-probability',
  'plan.target-interviews.dr',
  'plan.target-interviews.ir-integrated',
  'plan.strengthen-below-expected',
  'eligibility.ask-graduation-after-years',
] as const;
/** One of the parameter ids above. */
export type ParameterId = (typeof PARAMETER_IDS)[number];

/** Figures the engine reads directly by id (never copied into code or model.json). */
export const FIGURE_IDS = {
  j1Share: 'survey.dr.j1',
  h1bShare: 'survey.dr.h1b',
  erasTier1Fee: 'eras.fee.tier1',
  erasTier2Fee: 'eras.fee.tier2',
  erasTier1Programs: 'eras.fee.tier1-programs',
  nrmpIncludedRanks: 'nrmp.fee.rank-beyond',
  nrmpPerExtraRank: 'nrmp.fee.per-extra-rank',
} as const;

/** One model parameter with its range and provenance. */
export const modelParameterSchema = z
  .object({
    /** Dotted key the engine reads. */
    id: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/),
    /** What the number is, in plain words. */
    label: z.string().min(1),
    /** Central value. */
    value: z.number().finite(),
    /** Low end of the plausible range. */
    low: z.number().finite(),
    /** High end of the plausible range. */
    high: z.number().finite(),
    /** Derived from a published figure, or a labelled assumption. */
    kind: z.enum(['cited', 'assumption']),
    /** Key of the source in figures.json. */
    source: z.string().optional(),
    /** Ids of the figures in figures.json the value rests on. */
    figures: z.array(z.string()).optional(),
    /** Why this value, in plain words. */
    reasoning: z.string().min(20),
  })
  .refine((p) => p.low <= p.value && p.value <= p.high, {
    message: 'low ≤ value ≤ high must hold',
  })
  .refine((p) => p.kind !== 'cited' || p.source !== undefined || (p.figures?.length ?? 0) > 0, {
    message: 'a cited parameter names its source or figures',
  });
export type ModelParameter = z.infer<typeof modelParameterSchema>;

const months = z.number().min(0);
const count = z.number().int().min(0);

/** The reference profile every applicant term is measured from (the median matched non-US IMG). */
export const referenceProfileSchema = z.object({
  /** Why this profile. */
  reasoning: z.string().min(20),
  /** Figure id of the matched non-US IMG Step 2 CK median, per track. */
  step2Median: z.object({ dr: z.string(), 'ir-integrated': z.string() }),
  /** Step 1 outcome. */
  step1: z.enum(['passed-first-attempt', 'passed-after-failure', 'not-taken']),
  /** Step 2 CK attempts. */
  step2Attempts: z.number().int().min(1),
  /** Step 3 status. */
  step3: z.enum(['passed', 'will-pass-before-ranking', 'no']),
  /** ECFMG certification. */
  ecfmg: z.enum(['certified', 'pending']),
  /** US experience in months by kind. */
  usExperienceMonths: z.object({ handsOn: months, externship: months, observership: months, research: months }),
  /** US letters by kind. */
  letters: z.object({ ir: count, dr: count, otherCore: count }),
  /** Research output. */
  research: z.object({ irPublications: count, otherPublications: count, abstracts: count }),
  /** Honours and leadership roles. */
  honours: count,
  /** Years since graduation. */
  yearsSinceGraduation: z.number().int().min(0),
});
export type ReferenceProfile = z.infer<typeof referenceProfileSchema>;

/** The whole model.json file. */
export const modelFileSchema = z
  .object({
    version: z.literal(1),
    description: z.string().min(1),
    referenceProfile: referenceProfileSchema,
    parameters: z.array(modelParameterSchema),
  })
  .superRefine((file, ctx) => {
    const known = new Set<string>(PARAMETER_IDS);
    const seen = new Set<string>();
    file.parameters.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['parameters', i, 'id'], message: `duplicate parameter ${p.id}` });
      if (!known.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['parameters', i, 'id'], message: `unknown parameter ${p.id}` });
      seen.add(p.id);
    });
    for (const id of PARAMETER_IDS) {
      if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['parameters'], message: `missing parameter ${id}` });
    }
  });
export type ModelFile = z.infer<typeof modelFileSchema>;

/** A low / central / high triple; low ≤ central ≤ high. */
export interface Range {
  /** Least favourable end. */
  readonly low: number;
  /** Central estimate. */
  readonly central: number;
  /** Most favourable end. */
  readonly high: number;
}

/** A parameter's three values, as the engine reads them. */
export interface ParameterValues {
  /** Low end. */
  readonly low: number;
  /** Central value. */
  readonly value: number;
  /** High end. */
  readonly high: number;
}

/** Which parameter set a term is evaluated with. */
export type ParameterSet = 'low' | 'value' | 'high';
/** The three sets, central first. */
export const PARAMETER_SETS: readonly ParameterSet[] = ['value', 'low', 'high'];

/** A national share from a survey, as a fraction with the figure it came from. */
export interface NationalShare {
  /** Share as a fraction (0–1). */
  readonly share: number;
  /** The figure's own value, in percent, for sentences. */
  readonly percent: number;
  /** Year the figure describes. */
  readonly year: number;
  /** Figure id. */
  readonly figureId: string;
}

/** The model resolved against the reference figures: what every engine function takes. */
export interface Model {
  /** Every parameter by id. */
  readonly params: Readonly<Record<ParameterId, ParameterValues>>;
  /** The reference profile. */
  readonly reference: ReferenceProfile;
  /** Matched non-US IMG Step 2 CK median per track, read from figures.json. */
  readonly step2Median: Readonly<Record<ModelledTrack, number>>;
  /** National visa sponsorship shares among DR programs (2023 survey). */
  readonly visaShare: { readonly j1: NationalShare; readonly h1b: NationalShare };
  /** ERAS and NRMP fees, read from figures.json. */
  readonly fees: {
    readonly erasTier1: number;
    readonly erasTier2: number;
    readonly erasTier1Programs: number;
    readonly nrmpIncludedRanks: number;
    readonly nrmpPerExtraRank: number;
  };
}

/** Validates model.json against its schema and the reference figures, and resolves it; throws naming every problem. */
export function resolveModel(modelJson: unknown, reference: ReferenceFile): Model {
  const parsed = modelFileSchema.safeParse(modelJson);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  model.json ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid model parameters:\n${lines.join('\n')}`);
  }
  const file = parsed.data;
  const sourceIds = new Set(reference.sources.map((s) => s.id));
  const problems: string[] = [];
  for (const p of file.parameters) {
    if (p.source !== undefined && !sourceIds.has(p.source)) problems.push(`${p.id}: unknown source ${p.source}`);
    for (const f of p.figures ?? []) {
      if (!reference.figures.some((x) => x.id === f)) problems.push(`${p.id}: unknown figure ${f}`);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid model parameters:\n  ${problems.join('\n  ')}`);

  const params = {} as Record<ParameterId, ParameterValues>;
  for (const p of file.parameters) params[p.id as ParameterId] = { low: p.low, value: p.value, high: p.high };
  const share = (id: string): NationalShare => {
    const f = figure(reference, id);
    if (f.unit !== '%') throw new Error(`Figure ${id} should be a percentage`);
    return { share: f.value / 100, percent: f.value, year: f.year, figureId: id };
  };
  const value = (id: string): number => figure(reference, id).value;
  return {
    params,
    reference: file.referenceProfile,
    step2Median: {
      dr: value(file.referenceProfile.step2Median.dr),
      'ir-integrated': value(file.referenceProfile.step2Median['ir-integrated']),
    },
    visaShare: { j1: share(FIGURE_IDS.j1Share), h1b: share(FIGURE_IDS.h1bShare) },
    fees: {
      erasTier1: value(FIGURE_IDS.erasTier1Fee),
      erasTier2: value(FIGURE_IDS.erasTier2Fee),
      erasTier1Programs: value(FIGURE_IDS.erasTier1Programs),
      nrmpIncludedRanks: value(FIGURE_IDS.nrmpIncludedRanks),
      nrmpPerExtraRank: value(FIGURE_IDS.nrmpPerExtraRank),
    },
  };
}

/** A parameter's value in one set. */
export function paramIn(model: Model, id: ParameterId, set: ParameterSet): number {
  return model.params[id][set];
}

/** A parameter's central value. */
export function param(model: Model, id: ParameterId): number {
  return model.params[id].value;
}

/** The logistic function, log-odds → probability. */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Log-odds of a probability in (0, 1). */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}
