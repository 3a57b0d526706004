/**
 * Build-time data for the /method/ page: the model file as written (labels, ranges, reasoning) and
 * the curves the charts draw, all computed by the engine from content/reference. Nothing here ships.
 */
import modelJson from '../../../content/reference/model.json';
import { bundledModel } from '../../engine/model/bundled-model';
import { param, paramIn, type ModelledTrack, type Range } from '../../engine/model/model';
import { modelFileSchema, type ModelParameter } from '../../engine/model/model-file';
import { matchChance } from '../../engine/model/portfolio';
import type { Profile } from '../../engine/profile/profile';
import { scoreTable } from '../../engine/model/score';

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
const PROBABILITY_IDS = new Set(['match.q', 'band.reach-below', 'band.likely-from', 'plan.target-probability']);

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

/** The engine's chance per application for the reference profile at each Step 2 CK score from `from` to `to`. */
export function step2Curve(from = 220, to = 275): Step2Point[] {
  const out: Step2Point[] = [];
  for (let score = from; score <= to; score++) {
    const table = scoreTable(referenceProfileWithStep2(score), model, YEAR);
    out.push({
      score,
      chance: {
        dr: table.dr.byImgHistory.unknown.probability,
        'ir-integrated': table['ir-integrated'].byImgHistory.unknown.probability,
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
