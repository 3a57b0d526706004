/**
 * The applicant's unmodelled strength, shared by every application: one shift u ~ Normal(0, σ²) on the
 * log-odds scale, common to all programs. Per-program chances and every list-level figure (interviews,
 * P(at least k), the match chance) are averages over u, by Gauss–Hermite quadrature.
 */
import { sigmoid } from './model';

/**
 * Gauss–Hermite nodes for the standard normal (probabilists' Hermite, 16 points): [z, weight], z ≥ 0;
 * each non-zero node is used as +z and −z. The weights of all 16 points add up to 1; the rule is exact
 * for polynomials up to degree 31 (tests check the moments 1, 1 and 3). Computed with numpy's
 * `hermegauss(16)`, weights divided by √(2π).
 */
const HALF_NODES: readonly (readonly [number, number])[] = [
  [0.386760604500557, 0.286568521238012],
  [1.16382910055496, 0.15833837275095],
  [1.95198034571633, 0.0472847523540141],
  [2.7602450476307, 0.00726693760118475],
  [3.60087362417155, 0.000525984926573909],
  [4.49295530252001, 1.53000321624873e-5],
  [5.47222570594934, 1.30947321628682e-7],
  [6.63087819839313, 1.49781472316184e-10],
];

/** Standard-normal quadrature nodes (z) and weights (w), symmetric, weights adding to 1. */
export const NORMAL_NODES: readonly { readonly z: number; readonly w: number }[] = [
  ...HALF_NODES.map(([z, w]) => ({ z: -z, w })).reverse(),
  ...HALF_NODES.map(([z, w]) => ({ z, w })),
];

// Nodes whose weight is below this change no reported figure (the 7th and 8th pairs weigh < 1e-6
// together); skipping them halves the work of every list-level sum.
const NEGLIGIBLE_WEIGHT = 1e-6;

/** The nodes worth computing: weights renormalized to add up to 1. */
export const LATENT_NODES: readonly { readonly z: number; readonly w: number }[] = (() => {
  const kept = NORMAL_NODES.filter((n) => n.w >= NEGLIGIBLE_WEIGHT);
  const total = kept.reduce((s, n) => s + n.w, 0);
  return kept.map((n) => ({ z: n.z, w: n.w / total }));
})();

/** E[σ(η + σ·Z)] for Z standard normal: the chance at log-odds η averaged over the applicant's shift. */
export function mixedSigmoid(logOdds: number, sigma: number): number {
  if (!Number.isFinite(logOdds) || !Number.isFinite(sigma) || sigma < 0) {
    throw new RangeError(`mixedSigmoid needs finite log-odds and σ ≥ 0, got ${logOdds}, ${sigma}`);
  }
  if (sigma === 0) return sigmoid(logOdds);
  let s = 0;
  for (const n of LATENT_NODES) s += n.w * sigmoid(logOdds + sigma * n.z);
  return s;
}
