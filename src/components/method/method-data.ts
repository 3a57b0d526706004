/**
 * Build-time data for the /method/ page: the model file as written (labels, ranges, reasoning), the
 * curves the charts draw and the back-test against published match rates, all computed by the engine
 * from content/reference. Nothing here ships.
 */
import modelJson from '../../../content/reference/model.json';
import { bundledModel } from '../../engine/model/bundled-model';
import { param, paramIn, type ModelledTrack, type Range } from '../../engine/model/model';
import { modelFileSchema, type ModelParameter } from '../../engine/model/model-file';
import {
  atLeastProbabilities,
  latentSigma,
  matchChance,
  mixedChance,
  summarizePortfolio,
} from '../../engine/model/portfolio';
import type { Profile } from '../../engine/profile/profile';
import { scoreTable, type TrackScores } from '../../engine/model/score';
import { unknownFacts } from '../../engine/data/dataset';
import { TRACK_PREFIX, type Program } from '../../engine/data/program';
import { evaluate } from '../../engine/plan/evaluate';
import { figureValue } from '../../engine/model/reference';
import { reference as figures } from '../../lib/reference-data';

/** The resolved model, as every engine function takes it. */
export const model = bundledModel();

/** model.json with its labels and reasoning (the resolved model keeps only the numbers). */
export const modelFile = modelFileSchema.parse(modelJson);

/** A group of parameters for the table, by the first part of their id. */
export interface ParameterGroup {
  /** Heading of the group. */
  title: string;
  /** Its parameters, in model.json order. */
  parameters: ModelParameter[];
}

const GROUP_TITLES: Record<string, string> = {
  base: 'Base rate per application',
  step2: 'Step 2 CK',
  step1: 'Step 1',
  step3: 'Step 3',
  ecfmg: 'ECFMG certification',
  usce: 'US experience',
  letters: 'US letters',
  research: 'Research',
  honours: 'Honours and leadership',
  graduation: 'Time since graduation',
  program: 'Program facts',
  match: 'From interviews to a match',
  band: 'Chance bands',
  plan: 'Application plan',
  eligibility: 'Eligibility questions',
  latent: 'Your shared, unmodelled strength',
  visa: 'Visa sponsorship when the program has not said',
};

/** Every parameter of model.json, grouped in the file's order. */
export function parameterGroups(): ParameterGroup[] {
  const groups: ParameterGroup[] = [];
  for (const p of modelFile.parameters) {
    const key = p.id.split('.')[0] ?? p.id;
    const title = GROUP_TITLES[key] ?? key;
    const last = groups[groups.length - 1];
    if (last && last.title === title) last.parameters.push(p);
    else groups.push({ title, parameters: [p] });
  }
  return groups;
}

// Parameters on the probability scale read better as percentages than as fractions.
const PROBABILITY_IDS = new Set([
  'match.q',
  'band.reach-below',
  'band.likely-from',
  'plan.target-probability',
  'visa.institution-yes',
  'visa.case-by-case.j1',
  'visa.case-by-case.h1b',
  'visa.dol-filing.h1b',
  'visa.ir-prior-spread',
]);

/** A parameter value for the table: percentages for probabilities, a true minus sign for negatives. */
export function formatParameter(id: string, v: number): string {
  if (PROBABILITY_IDS.has(id)) return pct(v, 0);
  const s = Math.abs(v).toLocaleString('en-US', { maximumFractionDigits: 3 });
  return v < 0 ? `−${s}` : s;
}

/** A probability as a percentage, e.g. pct(0.0632, 1) = "6.3%". */
export function pct(p: number, digits = 1): string {
  return `${(p * 100).toFixed(digits)}%`;
}

/** The chance that one interview leads to a match (q), low, central and high. */
export const matchQ: Range = {
  low: paramIn(model, 'match.q', 'low'),
  central: param(model, 'match.q'),
  high: paramIn(model, 'match.q', 'high'),
};

/** P(match | k interviews) for k = 0…kMax with the low, central and high q. */
export function matchCurve(kMax = 15): { k: number; chance: Range }[] {
  const q = matchQ;
  return Array.from({ length: kMax + 1 }, (_, k) => {
    // A list of k certain interviews: the engine's match chance is then exactly 1 − (1 − q)^k.
    const sure = new Array<number>(k).fill(1);
    return {
      k,
      chance: { low: matchChance(sure, q.low), central: matchChance(sure, q.central), high: matchChance(sure, q.high) },
    };
  });
}

// Any year works: the reference profile's graduation year is set relative to it.
const YEAR = 2026;

/** The reference profile as a planner profile with another Step 2 CK score; nothing else changes. */
export function referenceProfileWithStep2(score: number): Profile {
  const r = model.reference;
  return {
    step1: r.step1,
    step2: { score, attempts: r.step2Attempts },
    step3: r.step3,
    ecfmg: r.ecfmg,
    graduationYear: YEAR - r.yearsSinceGraduation,
    visa: 'none',
    usExperience: { ...r.usExperienceMonths },
    letters: { ...r.letters },
    research: { ...r.research },
    honours: r.honours,
    tracks: ['dr', 'ir-integrated'],
    regions: [],
    states: [],
  };
}

/** One score of the Step 2 CK chart: the chance per application on each track (program facts unknown, eligible). */
export interface Step2Point {
  /** The Step 2 CK score. */
  score: number;
  /** Chance per application, by track. */
  chance: Record<ModelledTrack, Range>;
}

// The chance at a program known to take the applicant's visa, with no other program fact known,
// averaged over the applicant's shared shift (as every chance the planner shows).
function knownVisaChance(t: TrackScores): Range {
  const lo = [t.base, ...t.applicant].reduce(
    (s, c) => ({ low: s.low + c.low, central: s.central + c.value, high: s.high + c.high }),
    {
      low: 0,
      central: 0,
      high: 0,
    },
  );
  return mixedChance({ logOdds: lo, factor: { low: 1, central: 1, high: 1 } }, latentSigma(model));
}

/** The engine's chance per application for the reference profile at each Step 2 CK score from `from` to `to`, at a program known to take the visa. */
export function step2Curve(from = 220, to = 275): Step2Point[] {
  const out: Step2Point[] = [];
  for (let score = from; score <= to; score++) {
    const table = scoreTable(referenceProfileWithStep2(score), model, YEAR);
    out.push({
      score,
      chance: {
        dr: knownVisaChance(table.dr),
        'ir-integrated': knownVisaChance(table['ir-integrated']),
      },
    });
  }
  return out;
}

/** One line of a method-page chart. */
export interface ChartSeries {
  /** Legend text. */
  label: string;
  /** Colour of the line and its range (CSS variables in global.css). */
  tone: 'accent' | 'focus' | 'muted';
  /** Line style. */
  dash?: 'solid' | 'dashed' | 'dotted';
  /** The line's points. */
  points: { x: number; y: number }[];
  /** A shaded range around the line, when the series has one. */
  band?: { x: number; low: number; high: number }[];
}

/** `count` programs of one track with every fact unknown (visa, size, setting, IMG history), as in the back-test. */
export function unknownPrograms(track: ModelledTrack, count: number): Program[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${TRACK_PREFIX[track]}99${String(i + 1).padStart(5, '0')}`,
    track,
    name: `Back-test program ${i + 1}`,
    sourceName: `BACK-TEST PROGRAM ${i + 1}`,
    city: 'Anytown',
    sourceCity: 'ANYTOWN',
    state: 'NY',
    region: 'Northeast',
    division: 'Middle Atlantic',
    flags: { newProgram: false, osteopathicRecognized: false },
    facts: unknownFacts(),
    siblings: [],
    irIndependent: 'no',
    h1bFilings: 0,
  }));
}

/** One row of the back-test table: a published profile, the model's match chance for it, and the published rate. */
export interface BackTestRow {
  /** Stable key, e.g. "dr-matched", "dr-matched-sigma-0.5". */
  key: string;
  /** The profile in words. */
  profile: string;
  /** Track. */
  track: ModelledTrack;
  /** Applications (every one to a program whose facts are unknown). */
  applications: number;
  /** σ of the applicant's shared shift used for the row. */
  sigma: number;
  /** The model's chance to match: central, with its range. */
  model: Range;
  /** The published match rate (0–1), or null for rows that compare with another row. */
  published: number | null;
  /** What the published figure is and why it differs, in words. */
  note: string;
  /** A sensitivity row (σ other than model.json's). */
  sensitivity: boolean;
}

/** The reference profile as a J-1 applicant on one track, with changes. */
function backTestProfile(track: ModelledTrack, changes: { step2: number; abstracts?: number }): Profile {
  const p = referenceProfileWithStep2(changes.step2);
  return {
    ...p,
    visa: 'j1',
    tracks: [track],
    research: { ...p.research, abstracts: changes.abstracts ?? p.research.abstracts },
  };
}

/** The chance to match of applying to `applications` unknown-fact programs of one track, with σ `sigma` (default model.json's). */
export function backTestMatch(profile: Profile, track: ModelledTrack, applications: number, sigma?: number): Range {
  const e = evaluate(profile, unknownPrograms(track, applications), { today: `${YEAR}-12-01`, model });
  const odds = e.programs.map((r) => r.odds);
  return summarizePortfolio(odds, model, sigma === undefined ? {} : { sigma }).matchChance;
}

/**
 * The back-test against NRMP Charting Outcomes 2026 (non-US IMGs): the median matched DR applicant
 * (the reference profile, J-1) applying to 72 DR programs, the typical IR–Integrated applicant (Step 2
 * CK 260) applying to 37, the unmatched medians with the same lists, and the matched rows again with
 * σ = 0.5 and 1.0. Every model figure is computed here by the engine.
 */
export function backTestRows(): BackTestRow[] {
  const drApps = figureValue(figures, 'apps.dr.per-applicant');
  const irApps = figureValue(figures, 'apps.ir.per-applicant');
  const drMedian = model.step2Median.dr;
  const irMedian = model.step2Median['ir-integrated'];
  const drUnmatchedStep2 = figureValue(figures, 'co.img.dr.step2.unmatched.median');
  const drUnmatchedAbstracts = figureValue(figures, 'co.img.dr.abstracts.unmatched');
  const irUnmatchedStep2 = figureValue(figures, 'co.img.ir.step2.unmatched.median');
  const irN = figureValue(figures, 'co.img.ir.matched') + figureValue(figures, 'co.img.ir.unmatched');
  const sigma = latentSigma(model);
  const drMatched = backTestProfile('dr', { step2: drMedian });
  const irMatched = backTestProfile('ir-integrated', { step2: irMedian });
  const rows: BackTestRow[] = [
    {
      key: 'dr-matched',
      profile: `DR, median matched non-US IMG: Step 2 CK ${drMedian}, J-1 (the reference profile)`,
      track: 'dr',
      applications: drApps,
      sigma,
      model: backTestMatch(drMatched, 'dr', drApps),
      published: figureValue(figures, 'co.img.dr.match-rate') / 100,
      note: 'Counts only applicants who ranked, so it overstates',
      sensitivity: false,
    },
    {
      key: 'ir-matched',
      profile: `IR–Integrated, typical applicant: Step 2 CK ${irMedian}, J-1`,
      track: 'ir-integrated',
      applications: irApps,
      sigma,
      model: backTestMatch(irMatched, 'ir-integrated', irApps),
      published: figureValue(figures, 'co.img.ir.match-rate') / 100,
      note: `n = ${irN}, a small sample; ranked applicants only`,
      sensitivity: false,
    },
    {
      key: 'dr-unmatched',
      profile: `DR, median unmatched: Step 2 CK ${drUnmatchedStep2}, ${drUnmatchedAbstracts} abstracts, J-1`,
      track: 'dr',
      applications: drApps,
      sigma,
      model: backTestMatch(
        backTestProfile('dr', { step2: drUnmatchedStep2, abstracts: drUnmatchedAbstracts }),
        'dr',
        drApps,
      ),
      published: null,
      note: 'Should be below the matched DR row',
      sensitivity: false,
    },
    {
      key: 'ir-unmatched',
      profile: `IR–Integrated, median unmatched: Step 2 CK ${irUnmatchedStep2}, J-1`,
      track: 'ir-integrated',
      applications: irApps,
      sigma,
      model: backTestMatch(backTestProfile('ir-integrated', { step2: irUnmatchedStep2 }), 'ir-integrated', irApps),
      published: null,
      note: 'Should be below the matched IR–Integrated row',
      sensitivity: false,
    },
  ];
  for (const s of [0.5, 1]) {
    for (const base of [rows[0], rows[1]]) {
      if (!base) continue;
      rows.push({
        ...base,
        key: `${base.key}-sigma-${s}`,
        profile: `${base.track === 'dr' ? 'DR, median matched' : 'IR–Integrated, typical'} (σ = ${s.toFixed(1)})`,
        sigma: s,
        model: backTestMatch(base.track === 'dr' ? drMatched : irMatched, base.track, base.applications, s),
        note: `Sensitivity: σ = ${s.toFixed(1)} instead of ${sigma.toFixed(1)}`,
        sensitivity: true,
      });
    }
  }
  return rows;
}

/**
 * What the shared shift changes for the DR reference profile (J-1) at 72 unknown-fact DR programs: the
 * model (programs independent given the shift, averaged over it) against programs treated as wholly
 * independent with the same per-application chances.
 */
export function latentIllustration(): {
  sigma: number;
  applications: number;
  perApplication: number;
  shared: { noInterview: number; atLeast5: number; match: number };
  independent: { noInterview: number; atLeast5: number; match: number };
} {
  const applications = figureValue(figures, 'apps.dr.per-applicant');
  const e = evaluate(backTestProfile('dr', { step2: model.step2Median.dr }), unknownPrograms('dr', applications), {
    today: `${YEAR}-12-01`,
    model,
  });
  const shared = summarizePortfolio(
    e.programs.map((r) => r.odds),
    model,
  );
  const chances = e.programs.map((r) => r.chance.central);
  return {
    sigma: latentSigma(model),
    applications,
    perApplication: chances[0] ?? 0,
    shared: {
      noInterview: shared.noInterview.central,
      atLeast5: shared.atLeast.find((x) => x.k === 5)?.chance.central ?? 0,
      match: shared.matchChance.central,
    },
    independent: {
      noInterview: 1 - (atLeastProbabilities(chances, 1)[1] ?? 0),
      atLeast5: atLeastProbabilities(chances, 5)[5] ?? 0,
      match: matchChance(chances, param(model, 'match.q')),
    },
  };
}
