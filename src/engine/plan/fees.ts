/**
 * The ERAS and NRMP fee rules on plain numbers: no schema library, so the guide's fee estimator can
 * use them without shipping the model's validation code. plan.ts applies them to `model.fees`.
 */
import type { ModelledTrack } from '../model/model';
import { groupThousands } from '../util/format';

/** The fee schedule, read from figures.json (as `Model['fees']` carries it). */
export interface FeeSchedule {
  /** ERAS fee per program for the first `erasTier1Programs` programs of a specialty. */
  readonly erasTier1: number;
  /** ERAS fee per program after those. */
  readonly erasTier2: number;
  /** Programs per specialty charged the lower fee. */
  readonly erasTier1Programs: number;
  /** Ranks included before the NRMP charges extra. */
  readonly nrmpIncludedRanks: number;
  /** NRMP fee for each rank beyond the included ones. */
  readonly nrmpPerExtraRank: number;
}

/** The largest count the fee estimator accepts (more than every DR and IR–Integrated program together). */
export const MAX_FEE_COUNT = 400;

function wholeCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number of programs, got ${n}`);
}

/** ERAS fee for `count` programs in one specialty: the lower fee up to the tier size, the higher one after. */
export function erasFeeForSchedule(count: number, fees: FeeSchedule): number {
  wholeCount(count, 'count');
  const { erasTier1, erasTier2, erasTier1Programs } = fees;
  return Math.min(count, erasTier1Programs) * erasTier1 + Math.max(0, count - erasTier1Programs) * erasTier2;
}

/** ERAS fees per specialty and in total; each specialty starts again at the lower fee. */
export function erasFeesForSchedule(
  counts: Readonly<Partial<Record<ModelledTrack, number>>>,
  fees: FeeSchedule,
): { readonly perTrack: Readonly<Record<ModelledTrack, number>>; readonly total: number } {
  const dr = erasFeeForSchedule(counts.dr ?? 0, fees);
  const ir = erasFeeForSchedule(counts['ir-integrated'] ?? 0, fees);
  return { perTrack: { dr, 'ir-integrated': ir }, total: dr + ir };
}

/** NRMP fee for a rank list of `ranks` programs: the per-rank fee for each beyond the included ones. */
export function nrmpRankFeeForSchedule(ranks: number, fees: FeeSchedule): number {
  wholeCount(ranks, 'ranks');
  return Math.max(0, ranks - fees.nrmpIncludedRanks) * fees.nrmpPerExtraRank;
}

/** Cumulative ERAS fee in one specialty for 0, 1, …, `max` programs (entry n is the fee for n programs). */
export function erasCostCurve(max: number, fees: FeeSchedule): number[] {
  wholeCount(max, 'max');
  return Array.from({ length: max + 1 }, (_, n) => erasFeeForSchedule(n, fees));
}

/** A typed count: the number, or the plain message to show. */
export type CountInput =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** Reads a typed number of programs: digits only, 0 to `max`; an empty box counts as 0. */
export function parseProgramCount(text: string, max: number = MAX_FEE_COUNT): CountInput {
  const t = text.trim();
  if (t === '') return { ok: true, value: 0 };
  const n = /^\d+$/.test(t) ? Number(t) : Number.NaN;
  return Number.isInteger(n) && n <= max
    ? { ok: true, value: n }
    : { ok: false, message: `Enter a whole number from 0 to ${max}` };
}

/** US dollars for sentences: "$1,230". */
export function formatUsd(amount: number): string {
  return `$${groupThousands(Math.round(amount * 100) / 100)}`;
}
