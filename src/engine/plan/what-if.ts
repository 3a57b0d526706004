/**
 * What-if: the same evaluation for small changes to the profile, reported as deltas against the
 * current profile on a fixed list of applications (so the answer is about the applicant, not about
 * a plan that also changes).
 */
import type { EngineContext } from '../model/context';
import { evaluate, type EvaluateOptions, type Evaluation } from './evaluate';
import type { ModelledTrack, Range } from '../model/model';
import { summarizePortfolio, type ProgramOdds } from '../model/portfolio';
import type { Program } from '../data/program';
import type { Profile } from '../profile/profile';
import { TRACK_NAME } from '../model/score';
import type { ChanceBand } from './tiers';

/** The changes the planner offers. */
export type WhatIfId =
  | 'step2-plus-5'
  | 'step2-plus-10'
  | 'step3-passed'
  | 'one-more-ir-letter'
  | 'two-more-months-hands-on'
  | 'one-more-year-since-graduation';

/** One profile change: the changed profile, or why it does not apply. */
export interface WhatIfScenario {
  /** Key. */
  readonly id: WhatIfId;
  /** What changes, in words. */
  readonly label: string;
  /** The changed profile, or a reason it does not apply to this profile. */
  readonly apply: (profile: Profile) => { readonly profile: Profile } | { readonly reason: string };
}

const step2Plus = (points: 5 | 10): WhatIfScenario => ({
  id: points === 5 ? 'step2-plus-5' : 'step2-plus-10',
  label: `Step 2 CK ${points} points higher`,
  apply: (p) => {
    const s = p.step2.score;
    if (s === 'not-taken') return { reason: 'You have no Step 2 CK score yet.' };
    if (s >= 300) return { reason: 'Your Step 2 CK score is already the highest possible.' };
    return { profile: { ...p, step2: { ...p.step2, score: Math.min(300, s + points) } } };
  },
});

/** The six changes, in the order the planner shows them. */
export const WHAT_IF_SCENARIOS: readonly WhatIfScenario[] = [
  step2Plus(5),
  step2Plus(10),
  {
    id: 'step3-passed',
    label: 'Step 3 passed',
    apply: (p) =>
      p.step3 === 'passed' ? { reason: 'You have already passed Step 3.' } : { profile: { ...p, step3: 'passed' } },
  },
  {
    id: 'one-more-ir-letter',
    label: 'One more US letter from IR faculty',
    apply: (p) =>
      p.letters.ir >= 10
        ? { reason: 'You already have the most letters the planner counts.' }
        : { profile: { ...p, letters: { ...p.letters, ir: p.letters.ir + 1 } } },
  },
  {
    id: 'two-more-months-hands-on',
    label: 'Two more months of hands-on US clinical experience',
    apply: (p) =>
      p.usExperience.handsOn > 118
        ? { reason: 'You already have the most months the planner counts.' }
        : { profile: { ...p, usExperience: { ...p.usExperience, handsOn: p.usExperience.handsOn + 2 } } },
  },
  {
    id: 'one-more-year-since-graduation',
    label: 'Applying one year later (one more year since graduation)',
    apply: (p) =>
      p.graduationYear === null || p.graduationYear <= 1950
        ? { reason: 'Enter your graduation year first.' }
        : { profile: { ...p, graduationYear: p.graduationYear - 1 } },
  },
];

/** A before / after / difference triple of ranges (the difference is taken end by end). */
export interface RangeChange {
  /** With the current profile. */
  readonly before: Range;
  /** With the change. */
  readonly after: Range;
  /** after − before at each end. */
  readonly delta: Range;
}

/** A program whose band changes. */
export interface BandChange {
  /** ACGME ID. */
  readonly programId: string;
  /** Band now. */
  readonly from: ChanceBand;
  /** Band with the change. */
  readonly to: ChanceBand;
}

/** The result of one change. */
export type WhatIfResult =
  | {
      readonly id: WhatIfId;
      readonly label: string;
      readonly applicable: true;
      /** Programs (on the wanted tracks) whose band changes. */
      readonly bandChanges: readonly BandChange[];
      /** Expected interviews on the fixed list. */
      readonly expected: RangeChange;
      /** Match chance on the fixed list. */
      readonly matchChance: RangeChange;
      /** Recommended number of applications per wanted track, now and with the change. */
      readonly recommendedCount: Readonly<
        Partial<Record<ModelledTrack, { readonly before: number; readonly after: number }>>
      >;
    }
  | { readonly id: WhatIfId; readonly label: string; readonly applicable: false; readonly reason: string };

/** Options for `whatIf`. */
export interface WhatIfOptions extends EvaluateOptions {
  /** The fixed list of applications; default: `whatIfBasis` without a list (the current recommended plan). */
  readonly programIds?: readonly string[] | undefined;
  /** The evaluation of the current profile, if the caller already has it. */
  readonly baseline?: Evaluation | undefined;
}

/** The fixed list the what-if scores, and what it is in words. */
export interface WhatIfBasis {
  /** Program ids. */
  readonly programIds: readonly string[];
  /** What the list is, e.g. "My list" or "the recommended plan". */
  readonly label: string;
}

/**
 * My list when it has programs; else the recommended plan, where a track whose plan says to strengthen
 * first counts every program open on it (its plan recommends none, and a change is worth nothing on no programs).
 */
export function whatIfBasis(baseline: Evaluation, myList: readonly string[]): WhatIfBasis {
  if (myList.length > 0) return { programIds: myList, label: 'My list' };
  const plans = baseline.summary.plans;
  const strengthen = plans.filter((p) => p.status === 'strengthen-first');
  if (strengthen.length === 0)
    return { programIds: baseline.summary.recommended.programIds, label: 'the recommended plan' };
  const names = strengthen.map((p) => TRACK_NAME[p.track]).join(' and ');
  const label =
    strengthen.length === plans.length
      ? `every ${names} program open to you (your plan says to strengthen first, so it recommends none yet)`
      : `the recommended plan plus every ${names} program open to you (where the plan says to strengthen first)`;
  return {
    programIds: plans.flatMap((p) => (p.status === 'strengthen-first' ? p.atAllCandidates.programIds : p.programIds)),
    label,
  };
}

function change(before: Range, after: Range): RangeChange {
  return {
    before,
    after,
    delta: { low: after.low - before.low, central: after.central - before.central, high: after.high - before.high },
  };
}

/** Evaluates each change of `WHAT_IF_SCENARIOS` against the current profile. */
export function whatIf(
  profile: Profile,
  programs: readonly Program[],
  ctx: EngineContext,
  options: WhatIfOptions = {},
): WhatIfResult[] {
  const baseline = options.baseline ?? evaluate(profile, programs, ctx, options);
  const list = [...new Set(options.programIds ?? whatIfBasis(baseline, []).programIds)];
  const index = new Map(baseline.programs.map((r, i) => [r.programId, i]));
  const positions = list.flatMap((id) => index.get(id) ?? []);
  // Same programs in the same order as the list, so "before" equals the baseline's own summary.
  const pick = (e: Evaluation): ProgramOdds[] => positions.flatMap((i) => e.programs[i]?.odds ?? []);
  const before = summarizePortfolio(pick(baseline), ctx.model);

  return WHAT_IF_SCENARIOS.map((s): WhatIfResult => {
    const changed = s.apply(profile);
    if ('reason' in changed) return { id: s.id, label: s.label, applicable: false, reason: changed.reason };
    const after = evaluate(changed.profile, programs, ctx, options);
    const bandChanges: BandChange[] = [];
    after.programs.forEach((r, i) => {
      const b = baseline.programs[i];
      if (b && r.wanted && b.band !== r.band) bandChanges.push({ programId: r.programId, from: b.band, to: r.band });
    });
    const portfolio = summarizePortfolio(pick(after), ctx.model);
    const recommendedCount: Partial<Record<ModelledTrack, { before: number; after: number }>> = {};
    for (const p of baseline.summary.plans) {
      const a = after.summary.plans.find((x) => x.track === p.track);
      recommendedCount[p.track] = { before: p.recommendedCount, after: a?.recommendedCount ?? 0 };
    }
    return {
      id: s.id,
      label: s.label,
      applicable: true,
      bandChanges,
      expected: change(before.expected, portfolio.expected),
      matchChance: change(before.matchChance, portfolio.matchChance),
      recommendedCount,
    };
  });
}
