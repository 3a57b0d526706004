/**
 * The interview-chance model as the engine reads it: the resolved value every engine function takes,
 * and the parameter lookups. Validating and resolving content/reference/model.json happens at build
 * time in ./model-file (its zod schemas never ship to the browser).
 */
import type { ModelledTrack, ReferenceProfile } from './model-file';

export type { ModelledTrack, ReferenceProfile } from './model-file';

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
  'program.img-history.rarely',
  'program.size.per-log',
  'program.size.median.dr',
  'program.size.median.ir-integrated',
  'program.setting.community',
  'program.setting.university',
  'latent.sigma',
  'visa.institution-yes',
  'visa.case-by-case.j1',
  'visa.case-by-case.h1b',
  'visa.dol-filing.h1b',
  'visa.ir-prior-spread',
  'match.q',
  'band.reach-below',
  'band.likely-from',
  'plan.target-probability',
  'plan.target-interviews.dr',
  'plan.target-interviews.ir-integrated',
  'plan.strengthen-below-expected',
  'plan.weight.preferred',
  'plan.weight.visa-known',
  'plan.weight.ir-pathway',
  'plan.ask-first.count',
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
  /** The reference profile (its reasoning stays in model.json, for the method page). */
  readonly reference: Omit<ReferenceProfile, 'reasoning'>;
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
