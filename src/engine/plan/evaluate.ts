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

interface Memo {
  readonly eligibility: Eligibility;
  // By the program terms' key (see programTermsKey).
  readonly scored: Map<string, { estimate: ChanceEstimate; band: ChanceBand }>;
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
  const memos = new Map<string, Memo>();
  // Programs with the same tier facts share one tier (building its sentences costs more than scoring).
  const tiers = new Map<string, ProgramTier>();

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
    const key = eligibilityKey(program);
    let memo = memos.get(key);
    if (!memo) {
      memo = { eligibility: eligibilityOf(profile, program, model, year), scored: new Map() };
      memos.set(key, memo);
    }
    const termsKey = programTermsKey(program);
    let scored = memo.scored.get(termsKey);
    if (!scored) {
      const estimate = chanceFrom(estimateFor(table[track], program, model), memo.eligibility, model);
      scored = {
        estimate,
        band: chanceBand(estimate.chance.central, memo.eligibility.status !== 'ineligible', model),
      };
      memo.scored.set(termsKey, scored);
    }
    const { eligibility } = memo;
    const { estimate, band } = scored;
    const wanted = wantedTracks.has(track);
    const preferred = regions.has(program.region) || states.has(program.state);
    const tk = tierKey(program);
    let tier = tiers.get(tk);
    if (!tier) {
      tier = programTier(program);
      tiers.set(tk, tier);
    }
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
      band,
      tier,
      irPathway: irPathwayStrength(program),
      explanation: estimate.explanation,
    };
    results.push(result);
    counts.total++;
    byTrack[track].total++;
    counts[eligibility.status]++;
    byTrack[track][eligibility.status]++;
    if (wanted) {
      bands[band]++;
      if (eligibility.status !== 'ineligible') candidates[track].push(result);
    }
  }

  const plans = profile.tracks.map((t) =>
    planTrack(
      t,
      candidates[t].map((r) => ({
        programId: r.programId,
        chance: r.chance,
        odds: r.odds,
        preferred: r.preferred,
        status: r.status,
        gain: planGain(r, model),
        state: r.program.state,
        name: r.program.name,
      })),
      profile,
      table[t].applicant,
      model,
      options.plan?.[t] ?? {},
    ),
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
