/**
 * Over a list of programs: the distribution of the number of interviews (a Poisson-binomial, each
 * program an independent chance given the applicant's shared shift, see ./latent), P(at least k), the
 * expected count, and the chance to match from the interview count via P(match | k) = 1 − (1 − q)^k.
 */
import { param, paramIn, sigmoid, type Model, type Range } from './model';
import { LATENT_NODES, mixedSigmoid } from './latent';

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

/**
 * One application as the list-level sums need it: the log-odds range before eligibility and the
 * eligibility factor range (0 excluded, a prior share for an unknown visa, 1 known). At the applicant's
 * shift u the chance is factor × σ(logOdds + u).
 */
export interface ProgramOdds {
  /** Log-odds before the eligibility factor (low / central / high parameter sets). */
  readonly logOdds: Range;
  /** Eligibility factor in the same sets. */
  readonly factor: Range;
  /** The chance at every (set, node) pair for one σ, when already computed (see `oddsWithNodes`). */
  readonly atNodes?: { readonly sigma: number; readonly chances: Float64Array };
}

const SET_COUNT = 3;

/** The chance at each (set, node) pair: index set × nodes + node, sets in the order low, central, high. */
export function chancesAtNodes(o: ProgramOdds, sigma: number): Float64Array {
  if (o.atNodes && o.atNodes.sigma === sigma) return o.atNodes.chances;
  const nodes = nodesFor(sigma);
  const out = new Float64Array(SET_COUNT * nodes.length);
  for (let si = 0; si < SET_COUNT; si++) {
    const set = SETS[si] as SetName;
    const f = o.factor[set];
    const eta = o.logOdds[set];
    for (let ni = 0; ni < nodes.length; ni++) {
      out[si * nodes.length + ni] = f === 0 ? 0 : f * sigmoid(eta + sigma * (nodes[ni] as { z: number }).z);
    }
  }
  return out;
}

/** The same odds with their node chances computed once, so list-level sums over many programs reuse them. */
export function oddsWithNodes(logOdds: Range, factor: Range, sigma: number): ProgramOdds {
  const bare = { logOdds, factor };
  return { ...bare, atNodes: { sigma, chances: chancesAtNodes(bare, sigma) } };
}

const NO_SHIFT_NODES = [{ z: 0, w: 1 }] as const;
function nodesFor(sigma: number): readonly { readonly z: number; readonly w: number }[] {
  return sigma === 0 ? NO_SHIFT_NODES : LATENT_NODES;
}

/** The spread σ of the applicant's shared shift (model.json `latent.sigma`), or an override for sensitivity rows. */
export function latentSigma(model: Model, override?: number): number {
  const s = override ?? param(model, 'latent.sigma');
  if (!(Number.isFinite(s) && s >= 0 && s <= 3)) throw new RangeError(`σ must be between 0 and 3, got ${s}`);
  return s;
}

/** The chance of an interview at one program averaged over the applicant's shift, per parameter set. */
export function mixedChance(odds: ProgramOdds, sigma: number): Range {
  if (!odds.atNodes || odds.atNodes.sigma !== sigma) {
    return ordered(
      odds.factor.low * mixedSigmoid(odds.logOdds.low, sigma),
      odds.factor.central * mixedSigmoid(odds.logOdds.central, sigma),
      odds.factor.high * mixedSigmoid(odds.logOdds.high, sigma),
    );
  }
  const nodes = nodesFor(sigma);
  const c = odds.atNodes.chances;
  const avg = (si: number) => {
    let s = 0;
    for (let ni = 0; ni < nodes.length; ni++) s += (nodes[ni] as { w: number }).w * (c[si * nodes.length + ni] ?? 0);
    return s;
  };
  return ordered(avg(0), avg(1), avg(2));
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

const SETS = ['low', 'central', 'high'] as const;
type SetName = (typeof SETS)[number];

/**
 * Sums up a list of applications. For each parameter set and each node of the applicant's shift u, the
 * programs are independent given u: the Poisson-binomial of the interview count and the match chance
 * 1 − Π(1 − q·cᵢ(u)) are computed there, then averaged over u. The low end takes every program's low
 * values and q's low value, the high end every high one, so the order holds.
 */
export function summarizePortfolio(
  odds: readonly ProgramOdds[],
  model: Model,
  options: { readonly sigma?: number } = {},
): PortfolioSummary {
  const kMax = MAX_REPORTED_INTERVIEWS;
  const sigma = latentSigma(model, options.sigma);
  const q = {
    low: paramIn(model, 'match.q', 'low'),
    central: param(model, 'match.q'),
    high: paramIn(model, 'match.q', 'high'),
  };
  const nodes = nodesFor(sigma);
  const J = nodes.length;
  const slots = SET_COUNT * J;
  // One truncated distribution, miss product and expected count per (set, node), flat (slot idx holds
  // P(exactly k) at idx·(kMax+1) + k, P(at least kMax) at its last place); programs outermost so each
  // program's node chances are read once. The update is addProgram written out: this is the hot loop.
  const N1 = kMax + 1;
  const flat = new Float64Array(slots * N1);
  for (let idx = 0; idx < slots; idx++) flat[idx * N1] = 1;
  const miss = new Float64Array(slots).fill(1);
  const e = new Float64Array(slots);
  const qs = [q.low, q.central, q.high];
  for (const o of odds) {
    const ch = chancesAtNodes(o, sigma);
    for (let idx = 0; idx < slots; idx++) {
      const c = ch[idx] as number;
      if (c === 0) continue;
      const base = idx * N1;
      const r = 1 - c;
      flat[base + kMax] = (flat[base + kMax] as number) + (flat[base + kMax - 1] as number) * c;
      for (let k = kMax - 1; k > 0; k--)
        flat[base + k] = (flat[base + k] as number) * r + (flat[base + k - 1] as number) * c;
      flat[base] = (flat[base] as number) * r;
      miss[idx] = (miss[idx] as number) * (1 - (qs[Math.floor(idx / J)] as number) * c);
      e[idx] = (e[idx] as number) + c;
    }
  }
  const dps = Array.from({ length: slots }, (_, idx) => flat.subarray(idx * N1, idx * N1 + N1));
  const tails: Record<SetName, number[]> = { low: [], central: [], high: [] };
  const expected: Record<SetName, number> = { low: 0, central: 0, high: 0 };
  const match: Record<SetName, number> = { low: 0, central: 0, high: 0 };
  SETS.forEach((set, si) => {
    const acc = new Float64Array(kMax + 1);
    for (let ni = 0; ni < J; ni++) {
      const idx = si * J + ni;
      const w = (nodes[ni] as { w: number }).w;
      const t = tailOf(dps[idx] as Float64Array, kMax);
      for (let k = 0; k <= kMax; k++) acc[k] = (acc[k] ?? 0) + w * (t[k] ?? 0);
      expected[set] += w * (e[idx] ?? 0);
      match[set] += w * (1 - (miss[idx] ?? 1));
    }
    tails[set] = Array.from(acc, (v) => Math.min(1, v));
  });
  const atLeast: { k: number; chance: Range }[] = [];
  for (let k = 1; k <= kMax; k++) {
    atLeast.push({ k, chance: ordered(tails.low[k] ?? 0, tails.central[k] ?? 0, tails.high[k] ?? 0) });
  }
  return {
    count: odds.length,
    expected: ordered(expected.low, expected.central, expected.high),
    atLeast,
    noInterview: ordered(1 - (tails.high[1] ?? 0), 1 - (tails.central[1] ?? 0), 1 - (tails.low[1] ?? 0)),
    matchChance: ordered(match.low, match.central, match.high),
    matchNote:
      'Charting Outcomes counts only applicants who certified a rank list, so its match rates overstate the odds of someone who may get no interview; here the match curve is applied to the whole interview-count distribution, zero interviews included, and averaged over how strong your application turns out to be.',
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

/**
 * P(at least n) and the expected count after each prefix of the list, averaged over the applicant's
 * shift: one truncated distribution per parameter set and node, O(length · sets · nodes · n) in all.
 */
export function applicationCurve(
  odds: readonly ProgramOdds[],
  n: number,
  model: Model,
  options: { readonly sigma?: number } = {},
): CurvePoint[] {
  const sigma = latentSigma(model, options.sigma);
  const nodes = nodesFor(sigma);
  const J = nodes.length;
  const slots = SET_COUNT * J;
  const W = Float64Array.from(nodes, (x) => x.w);
  // One truncated distribution per (set, node), flat: slot idx holds P(exactly k) at idx·(n+1) + k for
  // k < n and P(at least n) at idx·(n+1) + n. Written out here (not addProgram) as this is the hot loop.
  const N1 = n + 1;
  const dp = new Float64Array(slots * N1);
  for (let idx = 0; idx < slots; idx++) dp[idx * N1] = 1;
  const e = [0, 0, 0];
  const out: CurvePoint[] = new Array<CurvePoint>(odds.length);
  let previous = n === 0 ? 1 : 0;
  for (let i = 0; i < odds.length; i++) {
    const ch = chancesAtNodes(odds[i] as ProgramOdds, sigma);
    const at = [0, 0, 0];
    let centralChance = 0;
    for (let si = 0; si < SET_COUNT; si++) {
      let atSet = 0;
      let eSet = 0;
      for (let ni = 0; ni < J; ni++) {
        const idx = si * J + ni;
        const w = W[ni] as number;
        const c = ch[idx] as number;
        const base = idx * N1;
        if (c !== 0 && n > 0) {
          const q = 1 - c;
          dp[base + n] = (dp[base + n] as number) + (dp[base + n - 1] as number) * c;
          for (let k = n - 1; k > 0; k--)
            dp[base + k] = (dp[base + k] as number) * q + (dp[base + k - 1] as number) * c;
          dp[base] = (dp[base] as number) * q;
        }
        eSet += w * c;
        atSet += w * (dp[base + n] as number);
      }
      e[si] = (e[si] as number) + eSet;
      at[si] = atSet;
      if (si === 1) centralChance = eSet;
    }
    const atLeast = n === 0 ? { low: 1, central: 1, high: 1 } : ordered(at[0] ?? 0, at[1] ?? 0, at[2] ?? 0);
    out[i] = {
      applications: i + 1,
      atLeast,
      expected: ordered(e[0] ?? 0, e[1] ?? 0, e[2] ?? 0),
      marginalAtLeast: atLeast.central - previous,
      marginalExpected: centralChance,
    };
    previous = atLeast.central;
  }
  return out;
}
