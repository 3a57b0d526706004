/**
 * The applicant's unmodelled strength, shared by every application: one shift u ~ Normal(0, σ²) on the
 * log-odds scale, common to all programs. Per-program chances and every list-level figure (interviews,
 * P(at least k), the match chance) are averages over u, by Gauss–Hermite quadrature.
 */
import { sigmoid } from './model';

/**
 * Gauss–Hermite nodes for the standard normal (probabilists' Hermite, 8 points): [z, weight], z > 0;
 * each node is used as +z and −z. The weights add up to 1 and the rule is exact for polynomials up to
 * degree 15 (tests check the moments 1, 1, 3 and 15). Computed with numpy's `hermegauss(8)`, weights
 * divided by √(2π). Against a 60-point rule the averaged chance differs by under 1e-6 for log-odds
 * from −5 to 2 and σ up to 1, so 8 points are enough and keep list-level sums cheap.
 */
const HALF_NODES: readonly (readonly [number, number])[] = [
  [0.539079811351375, 0.373012257679077],
  [1.63651904243511, 0.117239907661759],
  [2.80248586128754, 0.00963522012078826],
  [4.14454718612589, 0.000112614538375368],
];

/** Standard-normal quadrature nodes (z) and weights (w), symmetric, weights adding to 1. */
export const NORMAL_NODES: readonly { readonly z: number; readonly w: number }[] = [
  ...HALF_NODES.map(([z, w]) => ({ z: -z, w })).reverse(),
  ...HALF_NODES.map(([z, w]) => ({ z, w })),
];

/** The nodes every list-level sum uses (the whole rule). */
export const LATENT_NODES = NORMAL_NODES;

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
