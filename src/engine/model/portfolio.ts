/**
 * Over a list of programs: the distribution of the number of interviews (a Poisson-binomial, each
 * program an independent chance), P(at least k), the expected count, and the chance to match
 * from the interview count via P(match | k) = 1 − (1 − q)^k.
 */
import { param, paramIn, type Model, type Range } from './model';

/** The largest k reported by `summarizePortfolio`. */
export const MAX_REPORTED_INTERVIEWS = 15;

/** Exact distribution of the interview count: entry k is P(exactly k). Dynamic programming, O(n²). */
export function interviewDistribution(chances: readonly number[]): number[] {
  const n = chances.length;
  const pmf = new Float64Array(n + 1);
  pmf[0] = 1;
  for (let i = 0; i < n; i++) {
    const p = chances[i] ?? 0;
    const q = 1 - p;
    // Going downwards lets each entry read the previous program's values before they change.
    for (let k = i + 1; k > 0; k--) pmf[k] = (pmf[k] ?? 0) * q + (pmf[k - 1] ?? 0) * p;
    pmf[0] = (pmf[0] ?? 0) * q;
  }
  return Array.from(pmf);
}

/** Exact P(at least k) for k = 0…kMax (entry 0 is 1) in O(n·kMax). */
// The top state absorbs "kMax or more", so a long list costs no more per program than a short one.
export function atLeastProbabilities(chances: readonly number[], kMax: number): number[] {
  const dp = new Float64Array(kMax + 1);
  dp[0] = 1;
  for (const p of chances) addProgram(dp, kMax, p);
  return tailOf(dp, kMax);
}

// One more program in the truncated distribution: dp[k] = P(exactly k) for k < kMax, dp[kMax] = P(≥ kMax).
function addProgram(dp: Float64Array, kMax: number, p: number): void {
  const q = 1 - p;
  if (kMax === 0) return;
  dp[kMax] = (dp[kMax] ?? 0) + (dp[kMax - 1] ?? 0) * p;
  for (let k = kMax - 1; k > 0; k--) dp[k] = (dp[k] ?? 0) * q + (dp[k - 1] ?? 0) * p;
  dp[0] = (dp[0] ?? 0) * q;
}

function tailOf(dp: Float64Array, kMax: number): number[] {
  const out = new Array<number>(kMax + 1);
  let tail = 0;
  for (let k = kMax; k >= 0; k--) {
    tail += dp[k] ?? 0;
    out[k] = Math.min(1, tail);
  }
  return out;
}

/** Expected number of interviews: the sum of the chances. */
export function expectedInterviews(chances: readonly number[]): number {
  let s = 0;
  for (const p of chances) s += p;
  return s;
}

/** P(match) = Σ_k P(k interviews) · (1 − (1 − q)^k): the curve mixed over an interview-count distribution. */
export function matchChanceFromDistribution(distribution: readonly number[], q: number): number {
  let s = 0;
  let miss = 1;
  for (const pk of distribution) {
    s += pk * (1 - miss);
    miss *= 1 - q;
  }
  return s;
}

/** The same mixture in O(n): P(match) = 1 − Π(1 − q·pᵢ), equal to `matchChanceFromDistribution(interviewDistribution(p), q)`. */
// With independent programs E[(1 − q)^K] = Π(1 − q·pᵢ) (the generating function of K at 1 − q).
export function matchChance(chances: readonly number[], q: number): number {
  let miss = 1;
  for (const p of chances) miss *= 1 - q * p;
  return 1 - miss;
}

/** What a list of applications adds up to. */
export interface PortfolioSummary {
  /** Number of programs. */
  readonly count: number;
  /** Expected interviews. */
  readonly expected: Range;
  /** P(at least k interviews) for k = 1…15 (index 0 is k = 1). */
  readonly atLeast: readonly { readonly k: number; readonly chance: Range }[];
  /** Chance of no interview at all (low comes from the high chances, so low ≤ high still holds). */
  readonly noInterview: Range;
  /** Chance to match, mixing P(match | k) over the interview count. */
  readonly matchChance: Range;
  /** Why the match chance is an upper-leaning estimate, in words. */
  readonly matchNote: string;
}

/** Sums up a list of applications from each program's chance range, with ordered low / central / high ends. */
// The low end takes every program's low chance and q's low value, the high end every high one, so the order holds.
export function summarizePortfolio(chances: readonly Range[], model: Model): PortfolioSummary {
  const kMax = MAX_REPORTED_INTERVIEWS;
  const dp = { low: new Float64Array(kMax + 1), central: new Float64Array(kMax + 1), high: new Float64Array(kMax + 1) };
  dp.low[0] = 1;
  dp.central[0] = 1;
  dp.high[0] = 1;
  let eLow = 0;
  let eCentral = 0;
  let eHigh = 0;
  let missLow = 1;
  let missCentral = 1;
  let missHigh = 1;
  const qLow = paramIn(model, 'match.q', 'low');
  const qCentral = param(model, 'match.q');
  const qHigh = paramIn(model, 'match.q', 'high');
  for (const c of chances) {
    addProgram(dp.low, kMax, c.low);
    addProgram(dp.central, kMax, c.central);
    addProgram(dp.high, kMax, c.high);
    eLow += c.low;
    eCentral += c.central;
    eHigh += c.high;
    missLow *= 1 - qLow * c.low;
    missCentral *= 1 - qCentral * c.central;
    missHigh *= 1 - qHigh * c.high;
  }
  const tails = { low: tailOf(dp.low, kMax), central: tailOf(dp.central, kMax), high: tailOf(dp.high, kMax) };
  const atLeast: { k: number; chance: Range }[] = [];
  for (let k = 1; k <= kMax; k++) {
    atLeast.push({ k, chance: ordered(tails.low[k] ?? 0, tails.central[k] ?? 0, tails.high[k] ?? 0) });
  }
  return {
    count: chances.length,
    expected: ordered(eLow, eCentral, eHigh),
    atLeast,
    noInterview: ordered(1 - (tails.high[1] ?? 0), 1 - (tails.central[1] ?? 0), 1 - (tails.low[1] ?? 0)),
    matchChance: ordered(1 - missLow, 1 - missCentral, 1 - missHigh),
    matchNote:
      'Charting Outcomes counts only applicants who certified a rank list, so its match rates overstate the odds of someone who may get no interview; here the match curve is applied to the whole interview-count distribution, zero interviews included.',
  };
}

/** A range from three values, forced into order against rounding. */
export function ordered(low: number, central: number, high: number): Range {
  return { low: Math.min(low, central), central, high: Math.max(high, central) };
}

/** One point of the curve of applications: P(at least N) and the expected count after the first `applications` programs. */
export interface CurvePoint {
  /** Number of programs applied to (the first ones of the list). */
  readonly applications: number;
  /** P(at least N interviews). */
  readonly atLeast: Range;
  /** Expected interviews. */
  readonly expected: Range;
  /** What this last application added to the central P(at least N). */
  readonly marginalAtLeast: number;
  /** What this last application added to the central expected count (its own central chance). */
  readonly marginalExpected: number;
}

/** P(at least n) and the expected count after each prefix of the list, O(length · n) in all. */
export function applicationCurve(chances: readonly Range[], n: number): CurvePoint[] {
  const low = new Float64Array(n + 1);
  const central = new Float64Array(n + 1);
  const high = new Float64Array(n + 1);
  low[0] = 1;
  central[0] = 1;
  high[0] = 1;
  let eLow = 0;
  let eCentral = 0;
  let eHigh = 0;
  const out: CurvePoint[] = new Array<CurvePoint>(chances.length);
  let previous = n === 0 ? 1 : 0;
  for (let i = 0; i < chances.length; i++) {
    const c = chances[i] as Range;
    addProgram(low, n, c.low);
    addProgram(central, n, c.central);
    addProgram(high, n, c.high);
    eLow += c.low;
    eCentral += c.central;
    eHigh += c.high;
    const atLeast = n === 0 ? { low: 1, central: 1, high: 1 } : ordered(low[n] ?? 0, central[n] ?? 0, high[n] ?? 0);
    out[i] = {
      applications: i + 1,
      atLeast,
      expected: ordered(eLow, eCentral, eHigh),
      marginalAtLeast: atLeast.central - previous,
      marginalExpected: c.central,
    };
    previous = atLeast.central;
  }
  return out;
}
