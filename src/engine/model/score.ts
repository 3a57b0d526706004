/**
 * The interview-chance model: chance = eligibility factor × σ(base for the track + applicant terms +
 * program terms), each applicant term measured from the reference profile in model.json. Every
 * term is also run with its low and high parameters; the range keeps the least and most favourable.
 */
import { yearOf, type EngineContext } from './context';
import { eligibilityOf, type Eligibility } from '../plan/eligibility';
import { compareCode } from '../util/format';
import {
  PARAMETER_SETS,
  param,
  paramIn,
  sigmoid,
  type Model,
  type ModelledTrack,
  type ParameterSet,
  type Range,
} from './model';
import type { Program } from '../data/program';
import type { Profile } from '../profile/profile';
import { applyVerifications } from '../planner/verification';
import { latentSigma, mixedChance, oddsWithNodes, type ProgramOdds } from './portfolio';
import { UNKNOWN } from '../data/program';

/** One term of the sum on the log-odds scale, with the sentence that explains it. */
export interface Contribution {
  /** Stable key, e.g. "step2" or "img-history". */
  readonly id: string;
  /** The track intercept, a fact about the applicant, or a fact about the program. */
  readonly group: 'track' | 'applicant' | 'program';
  /** Central value on the log-odds scale. */
  readonly value: number;
  /** Least favourable value over the parameter sets. */
  readonly low: number;
  /** Most favourable value over the parameter sets. */
  readonly high: number;
  /** Plain-words reason ending with the signed value, e.g. "…: +0.36". */
  readonly sentence: string;
}

/** What the program's IMG history is known to be: several recent IMG residents, one, none, or unknown. */
export type ImgHistory = 'some' | 'rarely' | 'none' | 'unknown';

/** The estimate for one combination of track and program facts, before the eligibility factor. */
export interface TermEstimate {
  /** Every term, largest absolute value first; they add up (in this order) to `logOdds.central`. */
  readonly contributions: readonly Contribution[];
  /** Log-odds range. */
  readonly logOdds: Range;
  /** σ of the log-odds range: the chance for an eligible applicant. */
  readonly probability: Range;
}

/** The applicant's part of every estimate on one track: the intercept and the applicant terms. */
export interface TrackScores {
  /** The track. */
  readonly track: ModelledTrack;
  /** The track intercept. */
  readonly base: Contribution;
  /** Applicant terms only, largest absolute value first. */
  readonly applicant: readonly Contribution[];
}

/** The estimates for both tracks. */
export type ScoreTable = Readonly<Record<ModelledTrack, TrackScores>>;

/** The explanation of one program's chance. */
export interface Explanation {
  /** Central log-odds: exactly the sum of `contributions` in their order. */
  readonly logOdds: number;
  /** Terms, largest absolute value first. */
  readonly contributions: readonly Contribution[];
  /** The eligibility factor the probability is multiplied by. */
  readonly factor: number;
  /** What the factor means here, in plain words. */
  readonly factorSentence: string;
}

/** Chance of an interview at one program, with its explanation. */
export interface ChanceEstimate {
  /** Eligibility of the applicant for the program. */
  readonly eligibility: Eligibility;
  /** Chance of an interview per application (factor × σ(log-odds + u), averaged over the shift u). */
  readonly chance: Range;
  /** Log-odds range (before the eligibility factor). */
  readonly logOdds: Range;
  /** What the list-level sums need: log-odds and factor ranges. */
  readonly odds: ProgramOdds;
  /** Why. */
  readonly explanation: Explanation;
}

/** Display name of a track in sentences. */
export const TRACK_NAME: Readonly<Record<ModelledTrack, string>> = { dr: 'DR', 'ir-integrated': 'IR–Integrated' };

// The applicant's inputs to the terms, shared by a profile and the reference profile.
interface Inputs {
  step2: number | 'not-taken';
  step2Attempts: number;
  step1: Profile['step1'];
  step3: Profile['step3'];
  ecfmg: Profile['ecfmg'];
  handsOn: number;
  externship: number;
  observership: number;
  research: number;
  lettersIr: number;
  lettersDr: number;
  lettersOther: number;
  irPublications: number;
  otherPublications: number;
  abstracts: number;
  honours: number;
  yearsSinceGraduation: number | null;
}

function inputsOfProfile(p: Profile, todayYear: number): Inputs {
  return {
    step2: p.step2.score,
    step2Attempts: p.step2.attempts,
    step1: p.step1,
    step3: p.step3,
    ecfmg: p.ecfmg,
    handsOn: p.usExperience.handsOn,
    externship: p.usExperience.externship,
    observership: p.usExperience.observership,
    research: p.usExperience.research,
    lettersIr: p.letters.ir,
    lettersDr: p.letters.dr,
    lettersOther: p.letters.otherCore,
    irPublications: p.research.irPublications,
    otherPublications: p.research.otherPublications,
    abstracts: p.research.abstracts,
    honours: p.honours,
    yearsSinceGraduation: p.graduationYear === null ? null : Math.max(0, todayYear - p.graduationYear),
  };
}

function inputsOfReference(r: Model['reference'], step2Median: number): Inputs {
  return {
    step2: step2Median,
    step2Attempts: r.step2Attempts,
    step1: r.step1,
    step3: r.step3,
    ecfmg: r.ecfmg,
    handsOn: r.usExperienceMonths.handsOn,
    externship: r.usExperienceMonths.externship,
    observership: r.usExperienceMonths.observership,
    research: r.usExperienceMonths.research,
    lettersIr: r.letters.ir,
    lettersDr: r.letters.dr,
    lettersOther: r.letters.otherCore,
    irPublications: r.research.irPublications,
    otherPublications: r.research.otherPublications,
    abstracts: r.research.abstracts,
    honours: r.honours,
    yearsSinceGraduation: r.yearsSinceGraduation,
  };
}

/** A signed log-odds value for sentences: "+0.36", "−0.80", "0.00". */
export function signedLogOdds(x: number): string {
  const r = Math.round(x * 100) / 100;
  if (r === 0) return '0.00';
  return `${r > 0 ? '+' : '−'}${Math.abs(r).toFixed(2)}`;
}

function percent(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// "No letters" reads better than "0 letters" at the start of a sentence.
function countOf(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? `No ${many}` : plural(n, one, many);
}

function monthsOf(n: number, what: string): string {
  return n === 0 ? `No ${what}` : `${plural(n, 'month')} of ${what}`;
}

interface TermContext {
  readonly model: Model;
  readonly track: ModelledTrack;
  readonly median: number;
  readonly ref: Inputs;
}

// A term: f(inputs, set) for the applicant and the reference profile; the contribution is the difference.
interface Term {
  readonly id: string;
  readonly f: (x: Inputs, set: ParameterSet, c: TermContext) => number;
  /** The sentence without its value (": +0.36" follows it). */
  readonly sentence: (x: Inputs, c: TermContext) => string;
}

const capped = (rate: number, amount: number, cap: number): number => Math.min(rate * amount, cap);

const TERMS: readonly Term[] = [
  {
    id: 'step2',
    f: (x, s, c) =>
      x.step2 === 'not-taken'
        ? paramIn(c.model, 'step2.not-taken', s)
        : paramIn(c.model, c.track === 'dr' ? 'step2.per-point.dr' : 'step2.per-point.ir-integrated', s) *
          (x.step2 - c.median),
    sentence: (x, c) => {
      if (x.step2 === 'not-taken') {
        return `You have not taken Step 2 CK yet; many programs do not review an IMG application without a score`;
      }
      const d = x.step2 - c.median;
      const where =
        d === 0 ? 'equals the median' : `is ${plural(Math.abs(d), 'point')} ${d > 0 ? 'above' : 'below'} the median`;
      return `Your Step 2 CK of ${x.step2} ${where} of matched non-US IMGs in ${TRACK_NAME[c.track]} (${c.median})`;
    },
  },
  {
    id: 'step2-attempts',
    f: (x, s, c) => paramIn(c.model, 'step2.per-extra-attempt', s) * (x.step2Attempts - 1),
    sentence: (x) =>
      x.step2Attempts === 1
        ? `No failed Step 2 CK attempt`
        : `${plural(x.step2Attempts - 1, 'failed Step 2 CK attempt')}; many programs screen out failed attempts`,
  },
  {
    id: 'step1',
    f: (x, s, c) =>
      x.step1 === 'passed-after-failure'
        ? paramIn(c.model, 'step1.failure', s)
        : x.step1 === 'not-taken'
          ? paramIn(c.model, 'step1.not-taken', s)
          : 0,
    sentence: (x) =>
      x.step1 === 'passed-after-failure'
        ? `You passed Step 1 after a failed attempt; many programs screen out failed attempts`
        : x.step1 === 'not-taken'
          ? `You have not passed Step 1 yet, and ECFMG certification needs it`
          : `You passed Step 1 on the first attempt`,
  },
  {
    id: 'step3',
    f: (x, s, c) => (x.step3 === 'passed' ? paramIn(c.model, 'step3.passed', s) : 0),
    sentence: (x) =>
      x.step3 === 'passed'
        ? `You have passed Step 3`
        : x.step3 === 'will-pass-before-ranking'
          ? `You plan to pass Step 3 before ranking; interview offers come earlier, so it adds nothing here`
          : `No Step 3 yet, like the reference profile`,
  },
  {
    id: 'ecfmg',
    f: (x, s, c) => (x.ecfmg === 'pending' ? paramIn(c.model, 'ecfmg.pending', s) : 0),
    sentence: (x) =>
      x.ecfmg === 'pending'
        ? `Your ECFMG certification is still pending; some programs want it early`
        : `You are ECFMG-certified`,
  },
  {
    id: 'usce-hands-on',
    f: (x, s, c) =>
      capped(paramIn(c.model, 'usce.hands-on.per-month', s), x.handsOn, paramIn(c.model, 'usce.hands-on.cap', s)),
    sentence: (x, c) =>
      `${monthsOf(x.handsOn, 'hands-on US clinical experience')} (the reference profile has ${plural(c.ref.handsOn, 'month')})`,
  },
  {
    id: 'usce-externship',
    f: (x, s, c) =>
      capped(
        paramIn(c.model, 'usce.externship.per-month', s),
        x.externship,
        paramIn(c.model, 'usce.externship.cap', s),
      ),
    sentence: (x) => `${monthsOf(x.externship, 'US externship')}`,
  },
  {
    id: 'usce-observership',
    f: (x, s, c) =>
      capped(
        paramIn(c.model, 'usce.observership.per-month', s),
        x.observership,
        paramIn(c.model, 'usce.observership.cap', s),
      ),
    sentence: (x) => `${monthsOf(x.observership, 'US observership')}`,
  },
  {
    id: 'usce-none',
    f: (x, s, c) => (x.handsOn + x.externship + x.observership === 0 ? paramIn(c.model, 'usce.none', s) : 0),
    sentence: (x) =>
      x.handsOn + x.externship + x.observership === 0
        ? `No US clinical experience at all; many programs require it`
        : `You have some US clinical experience`,
  },
  {
    id: 'us-research',
    f: (x, s, c) =>
      capped(paramIn(c.model, 'usce.research.per-month', s), x.research, paramIn(c.model, 'usce.research.cap', s)),
    sentence: (x) => `${monthsOf(x.research, 'research in the US')}`,
  },
  {
    id: 'letters-ir',
    f: (x, s, c) =>
      paramIn(c.model, 'letters.ir.each', s) * Math.min(x.lettersIr, paramIn(c.model, 'letters.ir.max-count', s)),
    sentence: (x, c) =>
      `${countOf(x.lettersIr, 'US letter')} from IR faculty (the reference profile has ${c.ref.lettersIr}; up to ${paramIn(c.model, 'letters.ir.max-count', 'value')} count)`,
  },
  {
    id: 'letters-dr',
    f: (x, s, c) =>
      paramIn(c.model, 'letters.dr.each', s) * Math.min(x.lettersDr, paramIn(c.model, 'letters.dr.max-count', s)),
    sentence: (x, c) =>
      `${countOf(x.lettersDr, 'US letter')} from DR faculty (the reference profile has ${c.ref.lettersDr}; up to ${paramIn(c.model, 'letters.dr.max-count', 'value')} count)`,
  },
  {
    id: 'letters-other',
    f: (x, s, c) =>
      paramIn(c.model, 'letters.other.each', s) *
      Math.min(x.lettersOther, paramIn(c.model, 'letters.other.max-count', s)),
    sentence: (x, c) =>
      `${countOf(x.lettersOther, 'US letter')} from another core specialty (the reference profile has ${c.ref.lettersOther})`,
  },
  {
    id: 'research-ir',
    f: (x, s, c) =>
      capped(
        paramIn(c.model, 'research.ir.per-publication', s),
        x.irPublications,
        paramIn(c.model, 'research.ir.cap', s),
      ),
    sentence: (x, c) =>
      `${countOf(x.irPublications, 'IR or imaging publication')} (the reference profile has ${c.ref.irPublications})`,
  },
  {
    id: 'research-abstracts',
    f: (x, s, c) =>
      capped(
        paramIn(c.model, 'research.abstracts.each', s),
        x.abstracts,
        paramIn(c.model, 'research.abstracts.cap', s),
      ),
    sentence: (x, c) =>
      `${countOf(x.abstracts, 'abstract, poster or presentation', 'abstracts, posters or presentations')} (the reference profile has ${c.ref.abstracts})`,
  },
  {
    id: 'research-other',
    f: (x, s, c) =>
      capped(
        paramIn(c.model, 'research.other.per-publication', s),
        x.otherPublications,
        paramIn(c.model, 'research.other.cap', s),
      ),
    sentence: (x) => `${countOf(x.otherPublications, 'publication')} outside imaging`,
  },
  {
    id: 'honours',
    f: (x, s, c) => capped(paramIn(c.model, 'honours.each', s), x.honours, paramIn(c.model, 'honours.cap', s)),
    sentence: (x) => `${countOf(x.honours, 'honour or leadership role', 'honours or leadership roles')}`,
  },
  {
    id: 'years-since-graduation',
    f: (x, s, c) =>
      x.yearsSinceGraduation === null
        ? 0
        : paramIn(c.model, 'graduation.per-year-beyond', s) *
          Math.max(0, x.yearsSinceGraduation - paramIn(c.model, 'graduation.free-years', s)),
    sentence: (x, c) => {
      const free = paramIn(c.model, 'graduation.free-years', 'value');
      if (x.yearsSinceGraduation === null) return `Graduation year not entered; counted as within ${free} years`;
      const beyond = x.yearsSinceGraduation - free;
      return beyond > 0
        ? `You graduated ${plural(x.yearsSinceGraduation, 'year')} ago, ${plural(beyond, 'year')} beyond ${free}`
        : `You graduated ${x.yearsSinceGraduation === 0 ? 'this year' : `${plural(x.yearsSinceGraduation, 'year')} ago`}, within ${free} years`;
    },
  },
];

/** Ids of the applicant terms, in model order. */
export const APPLICANT_TERM_IDS: readonly string[] = TERMS.map((t) => t.id);

function compareContributions(a: Contribution, b: Contribution): number {
  const d = Math.abs(b.value) - Math.abs(a.value);
  if (d !== 0) return d;
  return compareCode(a.id, b.id);
}

function rangeOf(values: readonly [number, number, number]): { value: number; low: number; high: number } {
  const [v, a, b] = values;
  return { value: v, low: Math.min(v, a, b), high: Math.max(v, a, b) };
}

function applicantContributions(inputs: Inputs, c: TermContext): Contribution[] {
  const out: Contribution[] = [];
  for (const term of TERMS) {
    const [v, lo, hi] = PARAMETER_SETS.map((s) => term.f(inputs, s, c) - term.f(c.ref, s, c)) as [
      number,
      number,
      number,
    ];
    const r = rangeOf([v, lo, hi]);
    out.push({
      id: term.id,
      group: 'applicant',
      ...r,
      sentence: `${term.sentence(inputs, c)}: ${signedLogOdds(r.value)}`,
    });
  }
  return out.sort(compareContributions);
}

function baseContribution(model: Model, track: ModelledTrack): Contribution {
  const id = track === 'dr' ? 'base.dr' : 'base.ir-integrated';
  const p = model.params[id];
  return {
    id: 'track',
    group: 'track',
    value: p.value,
    low: p.low,
    high: p.high,
    sentence: `Starting point for ${TRACK_NAME[track]}: a matched non-US IMG at the median profile gets an interview from about ${percent(sigmoid(p.value))} of applications: ${signedLogOdds(p.value)}`,
  };
}

function imgContribution(model: Model, history: ImgHistory): Contribution {
  if (history === 'unknown') {
    return {
      id: 'img-history',
      group: 'program',
      value: 0,
      low: 0,
      high: 0,
      sentence: 'Whether this program has had international graduates among its residents recently is unknown',
    };
  }
  const id =
    history === 'some'
      ? 'program.img-history.some'
      : history === 'rarely'
        ? 'program.img-history.rarely'
        : 'program.img-history.none';
  const p = model.params[id];
  return {
    id: 'img-history',
    group: 'program',
    value: p.value,
    low: p.low,
    high: p.high,
    sentence:
      history === 'some'
        ? 'This program has had international graduates among its residents recently'
        : history === 'rarely'
          ? 'This program has had one international graduate in its recent classes'
          : 'This program has had no international graduates in its recent classes, and such programs rarely start',
  };
}

/** Positions per year the size term uses: the stated figure, or total residents spread over the training years. */
export function positionsOf(program: Program): { readonly perYear: number; readonly fromTotal: boolean } | null {
  const p = program.facts.positionsPerYear.value;
  if (p !== UNKNOWN && p > 0) return { perYear: p, fromTotal: false };
  const t = program.facts.totalResidents.value;
  if (t === UNKNOWN || t <= 0) return null;
  // DR trains 4 years after the PGY-1, IR–Integrated 5 (guide, pathway figures).
  return { perYear: t / (program.track === 'ir-integrated' ? 5 : 4), fromTotal: true };
}

function sizeContribution(model: Model, track: ModelledTrack, program: Program): Contribution | null {
  const size = positionsOf(program);
  if (size === null) return null;
  const median = param(model, track === 'dr' ? 'program.size.median.dr' : 'program.size.median.ir-integrated');
  const ratio = Math.log(size.perYear / median);
  const [v, a, b] = PARAMETER_SETS.map((set) => paramIn(model, 'program.size.per-log', set) * ratio) as [
    number,
    number,
    number,
  ];
  const r = rangeOf([v, a, b]);
  const what = size.fromTotal
    ? `About ${Math.round(size.perYear * 10) / 10} residents a year (from its total)`
    : `${size.perYear} residents a year`;
  return {
    id: 'size',
    group: 'program',
    ...r,
    sentence: `${what}, against a typical ${median} for ${TRACK_NAME[track]}`,
  };
}

function settingContribution(model: Model, program: Program): Contribution | null {
  const s = program.facts.setting.value;
  if (s === UNKNOWN || s === 'community-university-affiliated') return null;
  const p = model.params[s === 'community' ? 'program.setting.community' : 'program.setting.university'];
  return {
    id: 'setting',
    group: 'program',
    value: p.value,
    low: p.low,
    high: p.high,
    sentence:
      s === 'community'
        ? 'A community-based program, where international graduates are more common'
        : 'A university-based program, where US graduates fill most places',
  };
}

/** The program's own terms: IMG history, size and setting (unknown facts add nothing). */
export function programContributions(program: Program, model: Model, track: ModelledTrack): Contribution[] {
  const out = [imgContribution(model, imgHistoryOf(program))];
  const size = sizeContribution(model, track, program);
  if (size) out.push(size);
  const setting = settingContribution(model, program);
  if (setting) out.push(setting);
  return out;
}

/** The program facts the program terms read, as a key: programs with the same key share one estimate. */
export function programTermsKey(program: Program): string {
  const f = program.facts;
  return `${program.track}|${imgHistoryOf(program)}|${f.positionsPerYear.value}|${f.totalResidents.value}|${f.setting.value}`;
}

function estimateOf(contributions: Contribution[]): TermEstimate {
  contributions.sort(compareContributions);
  let central = 0;
  let low = 0;
  let high = 0;
  for (const c of contributions) {
    central += c.value;
    low += c.low;
    high += c.high;
  }
  const logOdds = { low: Math.min(low, central), central, high: Math.max(high, central) };
  return {
    contributions,
    logOdds,
    probability: { low: sigmoid(logOdds.low), central: sigmoid(logOdds.central), high: sigmoid(logOdds.high) },
  };
}

/** The applicant's part of the estimates on both tracks: computed once per evaluation. */
export function scoreTable(profile: Profile, model: Model, todayYear: number): ScoreTable {
  const inputs = inputsOfProfile(profile, todayYear);
  const forTrack = (track: ModelledTrack): TrackScores => {
    const median = model.step2Median[track];
    const ref = inputsOfReference(model.reference, median);
    const applicant = applicantContributions(inputs, { model, track, median, ref });
    return { track, base: baseContribution(model, track), applicant };
  };
  return { dr: forTrack('dr'), 'ir-integrated': forTrack('ir-integrated') };
}

/** The estimate for one program: the track's intercept and applicant terms plus the program's own terms. */
export function estimateFor(scores: TrackScores, program: Program, model: Model): TermEstimate {
  const programTerms = programContributions(program, model, scores.track).map((c) => ({
    ...c,
    sentence: `${c.sentence}: ${signedLogOdds(c.value)}`,
  }));
  return estimateOf([scores.base, ...scores.applicant, ...programTerms]);
}

/**
 * The program's IMG history: the `imgRecent` fact (several / one / none in recent classes), else a
 * share the user verified (`imgShare`: above 0 is "some").
 */
export function imgHistoryOf(program: Program): ImgHistory {
  const recent = program.facts.imgRecent.value;
  if (recent !== UNKNOWN) return recent === 'yes' ? 'some' : recent === 'rarely' ? 'rarely' : 'none';
  const v = program.facts.imgShare.value;
  return v === UNKNOWN ? 'unknown' : v > 0 ? 'some' : 'none';
}

/** Whether a track is one the model scores. */
export function isModelledTrack(track: Program['track']): track is ModelledTrack {
  return track === 'dr' || track === 'ir-integrated';
}

/** The sentence for the eligibility factor of one program. */
export function factorSentence(eligibility: Eligibility): string {
  if (eligibility.status === 'ineligible') {
    return `Excluded, so the chance is 0: ${eligibility.reasons[0]?.message ?? 'a known policy rules you out.'}`;
  }
  if (eligibility.factor < 1) {
    const visa = eligibility.reasons.find((r) => r.nationalShare !== undefined);
    const name = visa?.fact === 'h1b' ? 'H-1B' : 'J-1';
    return `Whether this program sponsors the ${name} is not settled, so the chance is multiplied by ${eligibility.factor.toFixed(2)}, the chance that it does (${visa?.priorBasis ?? 'national survey share'}).`;
  }
  return eligibility.status === 'uncertain'
    ? 'No discount for eligibility, but there is a question to settle with this program.'
    : 'No discount for eligibility: nothing known stops this program from considering you.';
}

/**
 * Combines an estimate with one program's eligibility: the chance per application is the factor times
 * σ(log-odds + u), averaged over the applicant's shared shift u (see ./latent).
 */
export function chanceFrom(estimate: TermEstimate, eligibility: Eligibility, model: Model): ChanceEstimate {
  const odds = oddsWithNodes(estimate.logOdds, eligibility.factorRange, latentSigma(model));
  return {
    eligibility,
    chance: mixedChance(odds, latentSigma(model)),
    logOdds: estimate.logOdds,
    odds,
    explanation: {
      logOdds: estimate.logOdds.central,
      contributions: estimate.contributions,
      factor: eligibility.factor,
      factorSentence: factorSentence(eligibility),
    },
  };
}

/** Chance of an interview at one program (user verifications applied first). */
export function interviewChance(profile: Profile, program: Program, ctx: EngineContext): ChanceEstimate {
  const track = program.track;
  if (!isModelledTrack(track)) {
    throw new Error(`The model scores DR and IR–Integrated programs, not ${track} (${program.id})`);
  }
  const p = ctx.verifications ? applyVerifications(program, ctx.verifications) : program;
  const year = yearOf(ctx.today);
  const table = scoreTable(profile, ctx.model, year);
  return chanceFrom(estimateFor(table[track], p, ctx.model), eligibilityOf(profile, p, ctx.model, year), ctx.model);
}
