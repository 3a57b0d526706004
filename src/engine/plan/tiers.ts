/**
 * Two different labels for a program: the chance band (Reach / Target / Likely, from the model's
 * per-application chance) and the guide's program tier (1–3, from dataset facts only).
 */
import { param, type Model } from '../model/model';
import { UNKNOWN, type Program } from '../data/program';

/** Chance band of one application; "excluded" when a known policy rules the applicant out. */
export type ChanceBand = 'reach' | 'target' | 'likely' | 'excluded';

/** What each band is called and means, per application (the guide's words). */
export const BAND_WORDS: Readonly<Record<ChanceBand, { readonly name: string; readonly meaning: string }>> = {
  reach: { name: 'Long shot', meaning: 'fewer than 1 in 25 such applications gets an interview' },
  target: { name: 'Realistic', meaning: 'about 1 in 25 to 1 in 7 such applications gets an interview' },
  likely: { name: 'Strong', meaning: '1 in 7 or more such applications gets an interview' },
  excluded: { name: 'Excluded', meaning: 'a stated policy rules you out' },
};

/**
 * The band of a central per-application chance. Thresholds live in model.json
 * (`band.reach-below` 4%, `band.likely-from` 15%): a single application is a long shot for almost
 * every non-US IMG, which is why a plan needs dozens; the bands say how long a shot each one is.
 */
export function chanceBand(centralChance: number, eligible: boolean, model: Model): ChanceBand {
  if (!eligible) return 'excluded';
  if (centralChance < param(model, 'band.reach-below')) return 'reach';
  return centralChance >= param(model, 'band.likely-from') ? 'likely' : 'target';
}

/** How a program leads to IR, from its track and siblings (always known). */
export type IrPathway = 'ir-integrated' | 'dr-with-ir-integrated' | 'dr-other' | 'ir-independent';

/** IR training at the institution, kept apart from the chance: strong, moderate or limited (see `irPathwayStrength`). */
export type IrPathwayRating = 'strong' | 'moderate' | 'limited';

/** The guide's tier of a program (1–3), with the rule that placed it. */
export interface ProgramTier {
  /** 1 academic with full IR training; 2 university or affiliated with IR training; 3 community or without IR training. */
  readonly tier: 1 | 2 | 3;
  /** True when the setting is not known and the tier is the most likely one from IR training alone. */
  readonly likely: boolean;
  /** The route into IR from this program. */
  readonly pathway: IrPathway;
  /** IR–Integrated itself, or DR with an IR–Integrated program at the institution. */
  readonly strongIrPathway: boolean;
  /** The rule that placed it, in words. */
  readonly reason: string;
  /** What the guide says to check before including it. */
  readonly check: string;
}

/** The program's route into IR: IR–Integrated itself, or DR with an IR–Integrated program at the same institution. */
export function irPathwayOf(program: Program): IrPathway {
  if (program.track === 'ir-integrated') return 'ir-integrated';
  if (program.track === 'ir-independent') return 'ir-independent';
  return program.siblings.length > 0 ? 'dr-with-ir-integrated' : 'dr-other';
}

/** IR training programs at the institution: IR–Integrated (our lists), IR–Independent (ACGME list, matched), ESIR (program pages). */
export function irTrainingAt(program: Program): { integrated: boolean; independent: boolean; esir: boolean } {
  return {
    integrated: program.track === 'ir-integrated' || program.siblings.length > 0,
    independent: program.irIndependent === 'yes',
    esir: program.facts.esir.value === true,
  };
}

/**
 * The IR pathway rating of a program: strong = IR–Integrated at the institution and a second route
 * (IR–Independent or ESIR); moderate = one of the three; limited = none known. For an IR–Integrated
 * program the DR sibling's IR–Independent counts as the second route.
 */
export function irPathwayStrength(program: Program): IrPathwayRating {
  const t = irTrainingAt(program);
  const routes = Number(t.integrated) + Number(t.independent) + Number(t.esir);
  if (t.integrated && routes >= 2) return 'strong';
  return routes >= 1 ? 'moderate' : 'limited';
}

const CHECKS: Readonly<Record<1 | 2 | 3, string>> = {
  1: 'Include it only if it sponsors your visa and has trained international graduates before.',
  2: 'Look for an active IR division and DR graduates moving into IR.',
  3: 'Include it if it offers IR rotations and IR faculty who can write letters.',
};

/**
 * The guide's tier (chapter "Targeting programs"), from facts only, never from names or states:
 * tier 1 = university-based with full IR training (IR–Integrated and IR–Independent) — the academic,
 * research-heavy group; tier 2 = university-based or university-affiliated otherwise, or with any IR
 * training program; tier 3 = community-based, or no IR training and no known university setting.
 * Without a stated setting the tier is the most likely one from IR training alone, marked `likely`.
 */
export function programTier(program: Program): ProgramTier {
  const pathway = irPathwayOf(program);
  const strongIrPathway = pathway !== 'dr-other';
  const t = irTrainingAt(program);
  const setting = program.facts.setting.value;
  const full = t.integrated && t.independent;
  const any = t.integrated || t.independent || t.esir;
  const training = full
    ? 'IR–Integrated and IR–Independent at the institution'
    : any
      ? `${[t.integrated && 'IR–Integrated', t.independent && 'IR–Independent', t.esir && 'ESIR'].filter(Boolean).join(' and ')} at the institution`
      : 'no IR training program known at the institution';
  let tier: 1 | 2 | 3;
  let reason: string;
  if (setting === UNKNOWN) {
    tier = full ? 1 : any ? 2 : 3;
    reason = `Most likely tier ${tier} (setting not yet known): ${training}.`;
  } else if (setting === 'community') {
    tier = 3;
    reason = `A community-based program, by its own description; ${training}.`;
  } else {
    tier = setting === 'university' && full ? 1 : 2;
    reason = `${setting === 'university' ? 'University-based' : 'Community-based and university-affiliated'}, by its own description; ${training}.`;
  }
  return { tier, likely: setting === UNKNOWN, pathway, strongIrPathway, reason, check: CHECKS[tier] };
}
