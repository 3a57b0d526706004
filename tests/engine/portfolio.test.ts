import fc from 'fast-check';
import {
  applicationCurve,
  atLeastProbabilities,
  expectedInterviews,
  interviewDistribution,
  matchChance,
  matchChanceFromDistribution,
  summarizePortfolio,
  type ProgramOdds,
} from '../../src/engine/model/portfolio';
import { LATENT_NODES, NORMAL_NODES, mixedSigmoid } from '../../src/engine/model/latent';
import { logit, sigmoid } from '../../src/engine/model/model';
import { MODEL } from './fixtures';

/** P(exactly k) by enumerating all 2^n outcomes. */
function bruteForce(p: readonly number[]): number[] {
  const out = new Array<number>(p.length + 1).fill(0);
  for (let mask = 0; mask < 1 << p.length; mask++) {
    let prob = 1;
    let k = 0;
    p.forEach((pi, i) => {
      if (mask & (1 << i)) {
        prob *= pi;
        k++;
      } else prob *= 1 - pi;
    });
    out[k] = (out[k] ?? 0) + prob;
  }
  return out;
}

const chances = (max: number) => fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 0, maxLength: max });
const range = (p: number) => ({ low: p / 2, central: p, high: Math.min(1, p * 1.5) });
const ONE = { low: 1, central: 1, high: 1 };
/** Odds whose chance, without the shift (σ = 0), is exactly `range(p)`. */
const odds = (p: number): ProgramOdds => {
  const r = range(p);
  const lo = (x: number) => (x >= 1 ? 40 : logit(x));
  return { logOdds: { low: lo(r.low), central: lo(r.central), high: lo(r.high) }, factor: ONE };
};
const NO_SHIFT = { sigma: 0 };

describe('interviewDistribution', () => {
  it('matches brute force on lists up to 10', () => {
    fc.assert(
      fc.property(chances(10), (p) => {
        const dp = interviewDistribution(p);
        const bf = bruteForce(p);
        expect(dp).toHaveLength(bf.length);
        dp.forEach((v, k) => expect(v).toBeCloseTo(bf[k] ?? 0, 12));
      }),
    );
  });

  it.each([
    [[], [1]],
    [
      [1, 1],
      [0, 0, 1],
    ],
    [[0.5], [0.5, 0.5]],
    [
      [0.5, 0.5],
      [0.25, 0.5, 0.25],
    ],
  ])('%j → %j', (p, pmf) => {
    expect(interviewDistribution(p)).toEqual(pmf);
  });

  it('sums to 1 and has the sum of chances as its mean', () => {
    fc.assert(
      fc.property(chances(60), (p) => {
        const pmf = interviewDistribution(p);
        expect(pmf.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
        expect(pmf.reduce((s, v, k) => s + k * v, 0)).toBeCloseTo(expectedInterviews(p), 9);
      }),
    );
  });
});

describe('atLeastProbabilities', () => {
  it('equals the tail of the brute-force distribution', () => {
    fc.assert(
      fc.property(chances(10), fc.integer({ min: 0, max: 12 }), (p, kMax) => {
        const bf = bruteForce(p);
        const tail = atLeastProbabilities(p, kMax);
        for (let k = 0; k <= kMax; k++) {
          const expected = bf.slice(k).reduce((s, v) => s + v, 0);
          expect(tail[k]).toBeCloseTo(expected, 12);
        }
      }),
    );
  });

  it('adding a program never lowers P(at least k)', () => {
    fc.assert(
      fc.property(chances(30), fc.double({ min: 0, max: 1, noNaN: true }), (p, extra) => {
        const before = atLeastProbabilities(p, 15);
        const after = atLeastProbabilities([...p, extra], 15);
        before.forEach((v, k) => expect(after[k]).toBeGreaterThanOrEqual(v - 1e-12));
      }),
    );
  });
});

describe('match chance', () => {
  it('the O(n) product equals the curve mixed over the full distribution', () => {
    fc.assert(
      fc.property(chances(40), fc.double({ min: 0, max: 1, noNaN: true }), (p, q) => {
        expect(matchChance(p, q)).toBeCloseTo(matchChanceFromDistribution(interviewDistribution(p), q), 10);
      }),
    );
  });

  it.each([
    [1, 0.25],
    [5, 0.7627],
    [10, 0.9437],
  ])('%i certain interviews with q = 0.25 give %d', (k, expected) => {
    expect(matchChance(new Array<number>(k).fill(1), 0.25)).toBeCloseTo(expected, 4);
  });
});

describe('summarizePortfolio', () => {
  it('reports k = 1…15, expected count and an ordered match range', () => {
    const s = summarizePortfolio(new Array(80).fill(odds(0.063)), MODEL, NO_SHIFT);
    expect(s.atLeast.map((a) => a.k)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(s.expected.central).toBeCloseTo(80 * 0.063, 10);
    for (const r of [s.expected, s.matchChance, s.noInterview, ...s.atLeast.map((a) => a.chance)]) {
      expect(r.low).toBeLessThanOrEqual(r.central);
      expect(r.central).toBeLessThanOrEqual(r.high);
    }
    expect(s.matchNote).toMatch(/counts only applicants who certified a rank list/);
  });

  it('is the same for a list and its reverse', () => {
    const list = [0.01, 0.2, 0.05, 0.4, 0.1].map(odds);
    expect(summarizePortfolio(list, MODEL).atLeast[1]?.chance.central).toBeCloseTo(
      summarizePortfolio([...list].reverse(), MODEL).atLeast[1]?.chance.central ?? NaN,
      14,
    );
  });
});

describe('applicationCurve', () => {
  it('shows diminishing returns for chances sorted best first', () => {
    const curve = applicationCurve([0.3, 0.2, 0.1, 0.05, 0.01].map(odds), 1, MODEL, NO_SHIFT);
    const gains = curve.map((c) => c.marginalAtLeast);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    expect(curve.map((c) => c.applications)).toEqual([1, 2, 3, 4, 5]);
    expect(curve[4]?.expected.central).toBeCloseTo(0.66, 12);
  });
});

describe('the shared shift (latent)', () => {
  it('integrates the standard normal exactly up to high moments', () => {
    const m = (k: number) => NORMAL_NODES.reduce((s, n) => s + n.w * n.z ** k, 0);
    expect(m(0)).toBeCloseTo(1, 12);
    expect(m(1)).toBeCloseTo(0, 12);
    expect(m(2)).toBeCloseTo(1, 12);
    expect(m(4)).toBeCloseTo(3, 10);
    expect(m(6)).toBeCloseTo(15, 8);
    expect(LATENT_NODES.reduce((s, n) => s + n.w, 0)).toBeCloseTo(1, 12);
  });

  it('averages the chance over the shift: symmetric at 50%, raised below it, and σ 0 is the plain chance', () => {
    expect(mixedSigmoid(0, 0.7)).toBeCloseTo(0.5, 12);
    expect(mixedSigmoid(-2.9, 0.7)).toBeGreaterThan(sigmoid(-2.9));
    expect(mixedSigmoid(-2.9, 0)).toBe(sigmoid(-2.9));
    expect(mixedSigmoid(-2.9, 1)).toBeGreaterThan(mixedSigmoid(-2.9, 0.5));
    expect(() => mixedSigmoid(Number.NaN, 0.7)).toThrow(RangeError);
  });

  it('makes no interview likelier than independent programs with the same expected count (the shift is shared)', () => {
    const shared = summarizePortfolio(new Array(80).fill(odds(0.063)), MODEL);
    const perProgram = shared.expected.central / 80;
    const independent = summarizePortfolio(new Array(80).fill(odds(perProgram)), MODEL, NO_SHIFT);
    expect(independent.expected.central).toBeCloseTo(shared.expected.central, 10);
    expect(shared.noInterview.central).toBeGreaterThan(independent.noInterview.central + 0.01);
    // …and a high P(at least 1) comes down: "80% for at least k" is really lower when strength is shared.
    expect(shared.atLeast[0]?.chance.central).toBeLessThan(independent.atLeast[0]?.chance.central ?? 0);
  });

  it('agrees between the curve and the summary for the whole list', () => {
    const list = [0.3, 0.2, 0.1, 0.05, 0.01, 0.07, 0.02].map(odds);
    const curve = applicationCurve(list, 2, MODEL);
    const s = summarizePortfolio(list, MODEL);
    expect(curve.at(-1)?.atLeast.central).toBeCloseTo(s.atLeast[1]?.chance.central ?? NaN, 12);
    expect(curve.at(-1)?.expected.central).toBeCloseTo(s.expected.central, 12);
  });

  it('refuses a σ outside 0–3', () => {
    expect(() => summarizePortfolio([odds(0.1)], MODEL, { sigma: -1 })).toThrow(RangeError);
    expect(() => applicationCurve([odds(0.1)], 1, MODEL, { sigma: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});
