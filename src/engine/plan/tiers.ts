/**
 * Two different labels for a program: the chance band (Reach / Target / Likely, from the model's
 * per-application chance) and the guide's program tier (1–3, from dataset facts only).
 */
import type { ProgramTierFacts } from '../data/dataset-build';
import { param, type Model } from '../model/model';
import type { Program } from '../data/program';

// The tier facts' schema is build-time (a dataset that supplies them is compiled); only its type is used here.
export type { ProgramSetting, ProgramTierFacts } from '../data/dataset-build';

/** Chance band of one application; "excluded" when a known policy rules the applicant out. */
export type ChanceBand = 'reach' | 'target' | 'likely' | 'excluded';

/**
 * The band of a central per-application chance. Thresholds live in model.json
 * (`band.reach-below` 4%, `band.likely-from` 12%) and are relative to the low base rate:
 * the median matched non-US IMG gets about 6.5% per DR application, so Target brackets it
 * (also after the 0.73 discount of an unknown J-1 policy), Reach is under two-thirds of it
 * and Likely about twice it.
 */
export function chanceBand(centralChance: number, eligible: boolean, model: Model): ChanceBand {
  if (!eligible) return 'excluded';
  if (centralChance < param(model, 'band.reach-below')) return 'reach';
  return centralChance >= param(model, 'band.likely-from') ? 'likely' : 'target';
}

/** How a program leads to IR, from its track and siblings (always known). */
export type IrPathway = 'ir-integrated' | 'dr-with-ir-integrated' | 'dr-other' | 'ir-independent';

/** The guide's tier of a program, or "unassigned" with the facts that are missing. */
export type ProgramTier =
  | {
      readonly tier: 1 | 2 | 3;
      readonly pathway: IrPathway;
      readonly strongIrPathway: boolean;
      /** The rule that placed it, in words. */
      readonly reason: string;
      /** What the guide says to check before including it. */
      readonly check: string;
    }
  | {
      readonly tier: 'unassigned';
      readonly pathway: IrPathway;
      readonly strongIrPathway: boolean;
      /** Why no tier, in words. */
      readonly reason: string;
      /** Facts the rule needs and we do not have. */
      readonly missing: readonly string[];
    };

/** The program's route into IR: IR–Integrated itself, or DR with an IR–Integrated program at the same institution. */
export function irPathwayOf(program: Program): IrPathway {
  if (program.track === 'ir-integrated') return 'ir-integrated';
  if (program.track === 'ir-independent') return 'ir-independent';
  return program.siblings.length > 0 ? 'dr-with-ir-integrated' : 'dr-other';
}

/**
 * The guide's tier (chapter "Targeting programs"), from facts only, never from names or states:
 * tier 1 = very competitive academic research center, tier 2 = university program,
 * tier 3 = community program. The setting is not in the dataset yet, so it comes from
 * `tierFacts` when a dataset supplies it; when unknown the tier is "unassigned" with the
 * missing fact listed. The IR pathway is reported alongside (IR–Integrated, or DR with an
 * IR–Integrated sibling = strong), and the guide's inclusion check for each tier is returned.
 */
export function programTier(program: Program, tierFacts?: ProgramTierFacts): ProgramTier {
  const pathway = irPathwayOf(program);
  const strongIrPathway = pathway !== 'dr-other';
  const setting = tierFacts?.setting.value ?? 'unknown';
  if (setting === 'unknown') {
    return {
      tier: 'unassigned',
      pathway,
      strongIrPathway,
      reason:
        "The guide's tiers depend on the program's setting (academic research center, university or community), which the dataset does not record for this program yet.",
      missing: ['setting'],
    };
  }
  const tier = setting === 'academic-research-center' ? 1 : setting === 'university' ? 2 : 3;
  const reason =
    tier === 1
      ? 'A very competitive academic research center.'
      : tier === 2
        ? 'A university program.'
        : 'A community program.';
  const check =
    tier === 1
      ? 'Include it only if it sponsors your visa and has trained IMGs before.'
      : tier === 2
        ? 'Look for an active IR division and DR graduates moving into IR.'
        : 'Include it if it offers IR rotations and IR faculty who can write letters.';
  return { tier, pathway, strongIrPathway, reason, check };
}
