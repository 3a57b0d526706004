/**
 * The interview-chance model's parameters (content/reference/model.json) and the published figures
 * it reads, validated and resolved into one value the other engine functions take. Build time only:
 * the browser gets the resolved model precompiled (src/islands/client-model.ts).
 */
import { z } from 'zod';
import {
  FIGURE_IDS,
  PARAMETER_IDS,
  type Model,
  type NationalShare,
  type ParameterId,
  type ParameterValues,
} from './model';
import { figure, type ReferenceFile } from './reference';

/** The two tracks the model scores; IR–Independent is a fellowship-type list we have no rows for. */
export const modelledTrackSchema = z.enum(['dr', 'ir-integrated']);
export type ModelledTrack = z.infer<typeof modelledTrackSchema>;

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
  const { reasoning: _reasoning, ...referenceProfile } = file.referenceProfile;
  return {
    params,
    reference: referenceProfile,
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
