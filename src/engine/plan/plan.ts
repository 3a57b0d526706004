/**
 * The application plan for one track: how many programs (best chance first) reach the target
 * chance of at least N interviews, what each further application adds, what it costs, and plain
 * advice when even every program open to the applicant is not enough.
 */
import { param, type Model, type ModelledTrack, type Range } from '../model/model';
import { applicationCurve, type CurvePoint, type ProgramOdds } from '../model/portfolio';
import type { EligibilityStatus } from './eligibility';
import { erasFeeForSchedule, erasFeesForSchedule, nrmpRankFeeForSchedule } from './fees';
import { compareCode } from '../util/format';
import type { Profile } from '../profile/profile';
import { TRACK_NAME, type Contribution } from '../model/score';

/** ERAS fee for applying to `count` programs in one specialty (2026: $11 each for 1–30, $30 each from the 31st). */
export function erasFee(count: number, model: Model): number {
  return erasFeeForSchedule(count, model.fees);
}

/** ERAS fees per specialty and in total; each specialty starts again at the lower fee. */
export function erasFees(
  counts: Readonly<Partial<Record<ModelledTrack, number>>>,
  model: Model,
): { readonly perTrack: Readonly<Record<ModelledTrack, number>>; readonly total: number } {
  return erasFeesForSchedule(counts, model.fees);
}

/** NRMP fee for a rank list of `ranks` programs: $30 for each beyond the first 20. */
export function nrmpRankFee(ranks: number, model: Model): number {
  return nrmpRankFeeForSchedule(ranks, model.fees);
}

/** A program the plan may include; excluded ones are skipped. */
export interface PlanCandidate {
  /** ACGME ID. */
  readonly programId: string;
  /** Chance of an interview per application (eligibility factor included, averaged over the applicant's shift). */
  readonly chance: Range;
  /** Log-odds and factor ranges, for the list-level sums. */
  readonly odds: ProgramOdds;
  /** In the applicant's preferred regions or states. */
  readonly preferred: boolean;
  /** Eligible or uncertain (an open question such as the visa); ineligible ones are left out. */
  readonly status: EligibilityStatus;
  /** The sort key: chance times the applicant's weights (see `planGain`). */
  readonly gain: number;
  /** State code, to spread ties across states. */
  readonly state: string;
  /** Display name, the last tie-break. */
  readonly name: string;
}

/** The target of a plan; defaults come from model.json. */
export interface PlanOptions {
  /** Interviews wanted (DR default 5, IR–Integrated 2). */
  readonly targetInterviews?: number | undefined;
  /** Chance wanted of reaching them (default 0.8). */
  readonly targetProbability?: number | undefined;
}

/** The outcome of a plan. */
export type PlanStatus = 'reaches-target' | 'below-target' | 'strengthen-first' | 'no-candidates';

/** The plan for one track. */
export interface TrackPlan {
  /** The track. */
  readonly track: ModelledTrack;
  /** Interviews wanted. */
  readonly targetInterviews: number;
  /** Chance wanted of at least that many. */
  readonly targetProbability: number;
  /** Programs the applicant can apply to (eligible or uncertain). */
  readonly candidates: number;
  /** Of those, how many are uncertain. */
  readonly uncertainCandidates: number;
  /** Applications needed to reach the target with the cautious, central and hopeful ends of the model; null when not reachable. */
  readonly needed: {
    readonly cautious: number | null;
    readonly central: number | null;
    readonly hopeful: number | null;
  };
  /** Applications recommended: the central need, every candidate when the target is out of reach, 0 when the advice is to strengthen first. */
  readonly recommendedCount: number;
  /** The recommended programs, best chance first. */
  readonly programIds: readonly string[];
  /** Their chances, in the same order. */
  readonly chances: readonly Range[];
  /** Their odds, in the same order (for list-level sums). */
  readonly odds: readonly ProgramOdds[];
  /** Whether the recommended count reaches the target (central estimate). */
  readonly reachesTarget: boolean;
  /** P(at least N) and expected interviews for the recommended programs (zero when none are recommended). */
  readonly atRecommended: { readonly atLeast: Range; readonly expected: Range };
  /** What applying to every candidate would give, recommended or not: which, P(at least N), expected interviews, ERAS fee. */
  readonly atAllCandidates: {
    readonly count: number;
    readonly programIds: readonly string[];
    readonly atLeast: Range;
    readonly expected: Range;
    readonly erasFee: number;
  };
  /** ERAS fee for the recommended programs (this specialty alone). */
  readonly erasFee: number;
  /** Outcome. */
  readonly status: PlanStatus;
  /** What to do, in plain words. */
  readonly message: string;
  /** How to strengthen the application, most useful first (empty when the target is reached). */
  readonly advice: readonly string[];
  /** P(at least N) and expected interviews after each number of applications, best chance first. */
  readonly curve: readonly CurvePoint[];
}

function pct(p: number): string {
  return `${Math.round(p * 100)}%`;
}

// Gains within this relative distance count as a tie (they differ only by rounding noise).
const TIE = 1e-9;

/**
 * The candidates in plan order: highest gain first. Programs with the same gain (most unknown-fact
 * programs of a track) are spread across states, one program per state in turn (states in order of
 * how many tied programs they have, then by code), then by name; never by ACGME ID.
 */
export function orderCandidates(candidates: readonly PlanCandidate[]): PlanCandidate[] {
  const byGain = [...candidates].sort((a, b) => b.gain - a.gain);
  const out: PlanCandidate[] = [];
  for (let i = 0; i < byGain.length;) {
    const head = byGain[i] as PlanCandidate;
    let j = i + 1;
    while (j < byGain.length && Math.abs((byGain[j] as PlanCandidate).gain - head.gain) <= TIE * Math.max(1, head.gain))
      j++;
    out.push(...spreadAcrossStates(byGain.slice(i, j)));
    i = j;
  }
  return out;
}

function spreadAcrossStates(tied: readonly PlanCandidate[]): PlanCandidate[] {
  if (tied.length < 2) return [...tied];
  const byState = new Map<string, PlanCandidate[]>();
  for (const c of [...tied].sort((a, b) => compareCode(a.name, b.name))) {
    const list = byState.get(c.state) ?? [];
    list.push(c);
    byState.set(c.state, list);
  }
  const states = [...byState.keys()].sort(
    (a, b) => (byState.get(b)?.length ?? 0) - (byState.get(a)?.length ?? 0) || compareCode(a, b),
  );
  const out: PlanCandidate[] = [];
  for (let round = 0; out.length < tied.length; round++) {
    for (const s of states) {
      const c = byState.get(s)?.[round];
      if (c) out.push(c);
    }
  }
  return out;
}

/** The target of a track from options or model.json defaults; throws on an impossible target. */
export function planTarget(
  track: ModelledTrack,
  model: Model,
  options: PlanOptions = {},
): { n: number; probability: number } {
  const n =
    options.targetInterviews ??
    param(model, track === 'dr' ? 'plan.target-interviews.dr' : 'plan.target-interviews.ir-integrated');
  const probability = options.targetProbability ?? param(model, 'plan.target-probability');
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw new RangeError(`targetInterviews must be a whole number from 1 to 50, got ${n}`);
  if (!(probability > 0 && probability < 1))
    throw new RangeError(`targetProbability must be between 0 and 1, got ${probability}`);
  return { n, probability };
}

/** Plans one track: candidates in plan order (see `orderCandidates`), the curve of P(at least N) and expected interviews, the smallest count that reaches the target. */
// `applicant` (the terms on this track) feeds the advice.
export function planTrack(
  track: ModelledTrack,
  candidates: readonly PlanCandidate[],
  profile: Profile,
  applicant: readonly Contribution[],
  model: Model,
  options: PlanOptions = {},
): TrackPlan {
  const { n, probability } = planTarget(track, model, options);
  const sorted = orderCandidates(candidates.filter((c) => c.status !== 'ineligible'));
  const chances = sorted.map((c) => c.chance);
  const odds = sorted.map((c) => c.odds);
  const curve = applicationCurve(odds, n, model);
  let cautious: number | null = null;
  let central: number | null = null;
  let hopeful: number | null = null;
  for (const point of curve) {
    if (hopeful === null && point.atLeast.high >= probability) hopeful = point.applications;
    if (central === null && point.atLeast.central >= probability) central = point.applications;
    if (cautious === null && point.atLeast.low >= probability) {
      cautious = point.applications;
      break;
    }
  }
  const zero = { low: 0, central: 0, high: 0 };
  const last = curve[curve.length - 1];
  const all = {
    count: sorted.length,
    programIds: sorted.map((c) => c.programId),
    atLeast: last?.atLeast ?? zero,
    expected: last?.expected ?? zero,
    erasFee: erasFee(sorted.length, model),
  };
  const name = TRACK_NAME[track];
  // No Step 2 CK score: programs screen non-US IMGs by it, so the first step is the exam, not a list.
  const noStep2 = profile.step2.score === 'not-taken';
  const strengthenFirst =
    sorted.length > 0 && (noStep2 || all.expected.central < param(model, 'plan.strengthen-below-expected'));
  // Strengthening first means applying nowhere this round: no programs, no fees; `all` keeps what applying everywhere would give.
  const recommendedCount = strengthenFirst ? 0 : (central ?? sorted.length);
  const at = curve[recommendedCount - 1];
  const atRecommended = at ? { atLeast: at.atLeast, expected: at.expected } : { atLeast: zero, expected: zero };

  let status: PlanStatus;
  let message: string;
  if (sorted.length === 0) {
    status = 'no-candidates';
    message = `No ${name} program is open to you with the facts we have: every one is excluded by a known policy.`;
  } else if (strengthenFirst && noStep2) {
    status = 'strengthen-first';
    message = `Take Step 2 CK before applying: most ${name} programs do not review a non-US IMG's application without a score, and the score decides where you stand. With no score the model expects ${all.expected.central.toFixed(1)} interviews from all ${sorted.length} ${name} programs open to you; the plan counts no ${name} applications and no fees until you have one.`;
  } else if (strengthenFirst) {
    status = 'strengthen-first';
    message = `Strengthen before applying: even applying to all ${sorted.length} ${name} programs open to you, the model expects ${all.expected.central.toFixed(1)} interviews (range ${all.expected.low.toFixed(1)} to ${all.expected.high.toFixed(1)}), so no interview is the likeliest outcome. The plan counts no ${name} applications and no fees until your application is stronger.`;
  } else if (central === null) {
    status = 'below-target';
    message = `Even applying to all ${sorted.length} ${name} programs open to you, the chance of at least ${n} interviews is ${pct(all.atLeast.central)}, below the ${pct(probability)} target. Apply to all of them, and strengthen your application where you can.`;
  } else {
    status = 'reaches-target';
    const caution =
      cautious === null
        ? `at the cautious end of the model even all ${sorted.length} would not reach it`
        : `at the cautious end of the model you would need ${cautious}`;
    message = `Apply to ${central} ${name} programs to get at least ${n} interviews with a chance of ${pct(probability)} (central estimate); ${caution}.`;
  }

  return {
    track,
    targetInterviews: n,
    targetProbability: probability,
    candidates: sorted.length,
    uncertainCandidates: sorted.reduce((s, c) => s + (c.status === 'uncertain' ? 1 : 0), 0),
    needed: { cautious, central, hopeful },
    recommendedCount,
    programIds: all.programIds.slice(0, recommendedCount),
    chances: chances.slice(0, recommendedCount),
    odds: odds.slice(0, recommendedCount),
    reachesTarget: recommendedCount > 0 && central !== null,
    atRecommended,
    atAllCandidates: all,
    erasFee: erasFee(recommendedCount, model),
    status,
    message,
    advice: [
      ...firstAdvice(profile, model),
      ...(status === 'reaches-target' || status === 'no-candidates' ? [] : adviceFor(profile, applicant, model, track)),
    ].filter((a, i, all) => all.indexOf(a) === i),
    curve,
  };
}

/**
 * Advice that comes before any list, whatever the plan: no Step 2 CK score, or an H-1B needed without
 * Step 3 planned (most programs that sponsor the H-1B need Step 3 passed before they rank you), with
 * the survey shares of programs that sponsor each visa.
 */
export function firstAdvice(profile: Profile, model: Model): string[] {
  const out: string[] = [];
  if (profile.step2.score === 'not-taken') {
    out.push(
      `Take Step 2 CK first, and aim for at least the matched median of ${model.step2Median.dr} (DR) or ${model.step2Median['ir-integrated']} (IR–Integrated): programs screen by it before anything else.`,
    );
  }
  if (profile.visa === 'h1b' && profile.step3 === 'no') {
    const { j1, h1b } = model.visaShare;
    out.push(
      `Pass Step 3 before rank lists are due: an H-1B residency needs it, and only ${h1b.percent}% of DR programs sponsor the H-1B against ${j1.percent}% for the J-1 (${j1.year} survey). If Step 3 cannot be done in time, apply on a J-1.`,
    );
  }
  return out;
}

// Advice per applicant term that pulls the estimate down, most costly first; fixed facts
// (a failure, years since graduation) get advice on where to apply instead.
function adviceFor(profile: Profile, applicant: readonly Contribution[], model: Model, track: ModelledTrack): string[] {
  const ref = model.reference;
  const median = model.step2Median[track];
  const text: Record<string, string | undefined> = {
    step2:
      profile.step2.score === 'not-taken'
        ? `Take Step 2 CK before applying, and aim for at least the matched median of ${median}.`
        : 'A passed Step 2 CK cannot be retaken; make up for the score with US experience, letters and research.',
    'step2-attempts': 'Look for programs that state they consider a failed attempt, and confirm it before applying.',
    step1:
      profile.step1 === 'not-taken'
        ? 'Pass Step 1 first: ECFMG certification needs it.'
        : 'Look for programs that state they consider a failed attempt, and confirm it before applying.',
    ecfmg: 'Finish ECFMG certification before the season opens.',
    'usce-hands-on': `Get hands-on US clinical experience: about ${ref.usExperienceMonths.handsOn} months of electives or sub-internships, ideally in radiology or IR.`,
    'usce-none': `Get hands-on US clinical experience: about ${ref.usExperienceMonths.handsOn} months of electives or sub-internships, ideally in radiology or IR.`,
    'letters-ir': 'Get US letters: one or two from IR faculty, one from DR and one from another core specialty.',
    'letters-dr': 'Get US letters: one or two from IR faculty, one from DR and one from another core specialty.',
    'letters-other': 'Get US letters: one or two from IR faculty, one from DR and one from another core specialty.',
    'research-ir': 'Add IR or imaging research: publications, abstracts and posters, ideally with US faculty.',
    'research-abstracts': 'Add IR or imaging research: publications, abstracts and posters, ideally with US faculty.',
    'years-since-graduation':
      'Look for programs without a graduation-year cutoff and confirm it in writing; recent US clinical work counts most.',
  };
  const out: string[] = [];
  const negative = applicant.filter((c) => c.value < 0).sort((a, b) => a.value - b.value);
  for (const c of negative) {
    const t = text[c.id];
    if (t !== undefined && !out.includes(t)) out.push(t);
  }
  if (profile.step3 !== 'passed') out.push('Pass Step 3: it helps a little, and an H-1B visa needs it.');
  return out;
}
