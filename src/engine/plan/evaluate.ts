/**
 * The single entry point the planner, the share view and guide widgets call: per-program
 * eligibility, chance, band, tier and explanation, and a summary with the recommended plan.
 */
import { yearOf, type EngineContext } from '../model/context';
import { eligibilityOf, type Eligibility, type EligibilityStatus } from './eligibility';
import type { ModelledTrack, Range } from '../model/model';
import { erasFees, nrmpRankFee, planTrack, type PlanOptions, type TrackPlan } from './plan';
import { summarizePortfolio, type PortfolioSummary } from '../model/portfolio';
import type { Program } from '../data/program';
import type { Profile } from '../profile/profile';
import {
  chanceFrom,
  estimateFor,
  isModelledTrack,
  programTermsKey,
  scoreTable,
  type ChanceEstimate,
  type Contribution,
  type Explanation,
} from '../model/score';
import {
  chanceBand,
  irPathwayStrength,
  programTier,
  type ChanceBand,
  type IrPathwayRating,
  type ProgramTier,
} from './tiers';
import type { ProgramOdds } from '../model/portfolio';
import { planGain, askFirst, type AskFirstEntry } from './ask-first';
import { applyVerifications, verificationsByProgram } from '../planner/verification';

/** Everything the engine says about one program. */
export interface ProgramResult {
  /** ACGME ID. */
  readonly programId: string;
  /** Track. */
  readonly track: ModelledTrack;
  /** The program with the user's verified facts applied (the input object when none apply). */
  readonly program: Program;
  /** Whether the user verified any fact of this program. */
  readonly verified: boolean;
  /** On a track the applicant wants. */
  readonly wanted: boolean;
  /** In the applicant's preferred regions or states. */
  readonly preferred: boolean;
  /** Eligibility status (the same as `eligibility.status`). */
  readonly status: EligibilityStatus;
  /** Eligibility, with reasons and questions (shared between programs with the same facts: do not mutate). */
  readonly eligibility: Eligibility;
  /** Chance of an interview per application. */
  readonly chance: Range;
  /** Log-odds range before the eligibility factor. */
  readonly logOdds: Range;
  /** Log-odds and eligibility-factor ranges, for list-level sums. */
  readonly odds: ProgramOdds;
  /** Long shot / Realistic / Strong per application (or excluded). */
  readonly band: ChanceBand;
  /** The guide's tier (1–3), marked "likely" where the setting is not known. */
  readonly tier: ProgramTier;
  /** How strong the IR training at the institution is (kept apart from the chance). */
  readonly irPathway: IrPathwayRating;
  /** The terms behind the chance. */
  readonly explanation: Explanation;
  /** The plan's sort key (see ask-first.ts `planGain`). */
  readonly gain: number;
  /** State code (the program's), for the plan's tie-break across states. */
  readonly state: string;
  /** Display name (the program's), the plan's last tie-break. */
  readonly name: string;
}

/** Eligibility counts. */
export interface EligibilityCounts {
  /** Programs scored. */
  readonly total: number;
  /** Eligible. */
  readonly eligible: number;
  /** Uncertain (an open question). */
  readonly uncertain: number;
  /** Excluded by a known policy. */
  readonly ineligible: number;
}

/** Fees of the recommended plan. */
export interface PlanFees {
  /** ERAS fee per specialty. */
  readonly eras: Readonly<Record<ModelledTrack, number>>;
  /** ERAS fees in all. */
  readonly erasTotal: number;
  /** NRMP fee for ranking as many programs as the central expected interviews (rounded). */
  readonly nrmp: { readonly ranks: number; readonly fee: number };
  /** ERAS plus NRMP. */
  readonly total: number;
}

/** The evaluation summary. */
export interface EvaluationSummary {
  /** Counts over all scored programs. */
  readonly counts: EligibilityCounts;
  /** Counts per track. */
  readonly byTrack: Readonly<Record<ModelledTrack, EligibilityCounts>>;
  /** Programs per band on the wanted tracks. */
  readonly bands: Readonly<Record<ChanceBand, number>>;
  /** One plan per wanted track, in the profile's order. */
  readonly plans: readonly TrackPlan[];
  /** The recommended programs of every plan together. */
  readonly recommended: {
    /** Program ids, track by track. */
    readonly programIds: readonly string[];
    /** Interviews and match chance for them. */
    readonly portfolio: PortfolioSummary;
    /** What they cost. */
    readonly fees: PlanFees;
    /** The fees against the user's budget, when one is given. */
    readonly budget: { readonly limit: number; readonly within: boolean; readonly message: string } | null;
  };
  /** Programs on tracks the model does not score (IR–Independent). */
  readonly notModelled: readonly string[];
  /** Programs whose visa policy is not settled, ordered by how much knowing it would change the plan. */
  readonly askFirst: readonly AskFirstEntry[];
}

/** The whole evaluation. */
export interface Evaluation {
  /** Per program, in input order (programs the model does not score are left out). */
  readonly programs: readonly ProgramResult[];
  /** The applicant's own terms per track, largest first. */
  readonly applicant: Readonly<Record<ModelledTrack, readonly Contribution[]>>;
  /** Counts, plans, fees, interviews and match chance. */
  readonly summary: EvaluationSummary;
}

/** Options for `evaluate`. */
export interface EvaluateOptions {
  /** Plan targets per track (defaults from model.json). */
  readonly plan?: Readonly<Partial<Record<ModelledTrack, PlanOptions>>> | undefined;
}

// The facts eligibility reads, as a key: programs with the same facts share one eligibility and estimate.
function eligibilityKey(p: Program): string {
  const f = p.facts;
  const visa = (x: typeof f.j1) => `${x.value}.${x.scope ?? ''}.${x.status ?? ''}`;
  return `${p.track}|${visa(f.j1)}|${visa(f.h1b)}|${f.imgConsidered.value}|${f.maxYearsSinceGraduation.value}|${f.step2Minimum.value}|${f.attempts.value}|${f.usce.value}`;
}

// The facts the tier rule reads, as a key.
function tierKey(p: Program): string {
  return `${p.track}|${p.siblings.length > 0}|${p.irIndependent}|${p.facts.esir.value}|${p.facts.setting.value}`;
}

// What programs with the same eligibility, program-term and tier facts share (see `sharedKey`).
interface Shared {
  readonly eligibility: Eligibility;
  readonly estimate: ChanceEstimate;
  readonly band: ChanceBand;
  readonly tier: ProgramTier;
  readonly irPathway: IrPathwayRating;
  // planGain's weights other than the preferred area, and the gain with and without it.
  readonly gain: number;
  readonly gainPreferred: number;
}

// One key for everything a program's result reads of its facts: one lookup per program. Programs are
// immutable data and the planner evaluates the same objects again on every profile change, so each
// program's key is built (and its hash computed) once, not on every evaluation.
const sharedKeys = new WeakMap<Program, string>();
function sharedKey(p: Program): string {
  let key = sharedKeys.get(p);
  if (key === undefined) {
    key = `${eligibilityKey(p)}#${programTermsKey(p)}#${tierKey(p)}`;
    sharedKeys.set(p, key);
  }
  return key;
}

function emptyCounts(): { total: number; eligible: number; uncertain: number; ineligible: number } {
  return { total: 0, eligible: 0, uncertain: 0, ineligible: 0 };
}

/** Evaluates every program for a profile and sums up the recommended plan. */
export function evaluate(
  profile: Profile,
  programs: readonly Program[],
  ctx: EngineContext,
  options: EvaluateOptions = {},
): Evaluation {
  const { model } = ctx;
  const year = yearOf(ctx.today);
  const table = scoreTable(profile, model, year);
  const verified = ctx.verifications && ctx.verifications.length > 0 ? verificationsByProgram(ctx.verifications) : null;
  const wantedTracks = new Set<string>(profile.tracks);
  const regions = new Set<string>(profile.regions);
  const states = new Set<string>(profile.states);
  // Programs with the same facts share one eligibility, estimate, band and tier (building their
  // sentences costs more than scoring).
  const memos = new Map<string, Shared>();

  const results: ProgramResult[] = [];
  const notModelled: string[] = [];
  const counts = emptyCounts();
  const byTrack = { dr: emptyCounts(), 'ir-integrated': emptyCounts() };
  const bands: Record<ChanceBand, number> = { reach: 0, target: 0, likely: 0, excluded: 0 };
  const candidates: Record<ModelledTrack, ProgramResult[]> = { dr: [], 'ir-integrated': [] };

  for (const input of programs) {
    const track = input.track;
    if (!isModelledTrack(track)) {
      notModelled.push(input.id);
      continue;
    }
    const entries = verified?.get(input.id);
    const program = entries ? applyVerifications(input, entries) : input;
    const key = sharedKey(program);
    let shared = memos.get(key);
    if (!shared) {
      const eligibility = eligibilityOf(profile, program, model, year);
      const estimate = chanceFrom(estimateFor(table[track], program, model), eligibility, model);
      const tier = programTier(program);
      const irPathway = irPathwayStrength(program);
      const base = { program, chance: estimate.chance, eligibility };
      shared = {
        eligibility,
        estimate,
        band: chanceBand(estimate.chance.central, eligibility.status !== 'ineligible', model),
        tier,
        irPathway,
        gain: planGain({ ...base, preferred: false }, model),
        gainPreferred: planGain({ ...base, preferred: true }, model),
      };
      memos.set(key, shared);
    }
    const { eligibility, estimate } = shared;
    const wanted = wantedTracks.has(track);
    const preferred = regions.has(program.region) || states.has(program.state);
    const result: ProgramResult = {
      programId: program.id,
      track,
      program,
      verified: program !== input,
      wanted,
      preferred,
      status: eligibility.status,
      eligibility,
      chance: estimate.chance,
      logOdds: estimate.logOdds,
      odds: estimate.odds,
      band: shared.band,
      tier: shared.tier,
      irPathway: shared.irPathway,
      explanation: estimate.explanation,
      gain: preferred ? shared.gainPreferred : shared.gain,
      state: program.state,
      name: program.name,
    };
    results.push(result);
    counts.total++;
    byTrack[track].total++;
    counts[eligibility.status]++;
    byTrack[track][eligibility.status]++;
    if (wanted) {
      bands[result.band]++;
      if (eligibility.status !== 'ineligible') candidates[track].push(result);
    }
  }

  const plans = profile.tracks.map((t) =>
    planTrack(t, candidates[t], profile, table[t].applicant, model, options.plan?.[t] ?? {}),
  );
  const programIds: string[] = [];
  const chosenOdds: ProgramOdds[] = [];
  for (const p of plans) {
    for (const id of p.programIds) programIds.push(id);
    for (const c of p.odds) chosenOdds.push(c);
  }
  const portfolio = summarizePortfolio(chosenOdds, model);

  const perTrack: Partial<Record<ModelledTrack, number>> = {};
  for (const p of plans) perTrack[p.track] = p.recommendedCount;
  const eras = erasFees(perTrack, model);
  const ranks = Math.round(portfolio.expected.central);
  const nrmp = { ranks, fee: nrmpRankFee(ranks, model) };
  const fees: PlanFees = { eras: eras.perTrack, erasTotal: eras.total, nrmp, total: eras.total + nrmp.fee };

  return {
    programs: results,
    applicant: { dr: table.dr.applicant, 'ir-integrated': table['ir-integrated'].applicant },
    summary: {
      counts,
      byTrack,
      bands,
      plans,
      recommended: { programIds, portfolio, fees, budget: budgetCheck(profile.budgetUsd, fees, programIds.length) },
      notModelled,
      askFirst: askFirst(
        profile.tracks.flatMap((t) => candidates[t]),
        new Set(programIds),
        model,
      ),
    },
  };
}

function budgetCheck(
  limit: number | undefined,
  fees: PlanFees,
  applications: number,
): EvaluationSummary['recommended']['budget'] {
  if (limit === undefined) return null;
  if (applications === 0)
    return {
      limit,
      within: true,
      message: `No applications are recommended for now, so there are no fees to weigh against your budget of $${limit}.`,
    };
  const nrmp =
    fees.nrmp.fee > 0 ? ` plus about $${fees.nrmp.fee} in NRMP fees for ranks beyond the first ones included` : '';
  const within = fees.total <= limit;
  const message = within
    ? `The recommended applications cost $${fees.erasTotal} in ERAS fees${nrmp}, within your budget of $${limit}.`
    : `The recommended applications cost $${fees.erasTotal} in ERAS fees${nrmp}, above your budget of $${limit}. Drop the lowest-chance programs first: the curve shows how little each of them adds.`;
  return { limit, within, message };
}
