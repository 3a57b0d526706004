/**
 * Adds up an example plan: each priced cost times its count, the ERAS fees per specialty and the NRMP fee for
 * extra ranks. Plain numbers and no schema library, so the guide's fee estimator can use it in the browser.
 */
import { erasFeeForSchedule, nrmpRankFeeForSchedule, type FeeSchedule } from '../plan/fees';
import type { CostPlan } from './cost-schema';

/** One priced line of a plan. */
export interface PlanLine {
  /** Cost id. */
  readonly cost: string;
  /** Count. */
  readonly quantity: number;
  /** Price of one. */
  readonly unit: number;
  /** unit × quantity. */
  readonly amount: number;
}

/** A plan's costs added up. */
export interface PlanTotals {
  /** Priced costs. */
  readonly lines: readonly PlanLine[];
  /** ERAS fee per specialty. */
  readonly applications: readonly { readonly specialty: string; readonly programs: number; readonly fee: number }[];
  /** NRMP fee for ranks beyond the included ones. */
  readonly extraRanks: number;
  /** Everything together. */
  readonly total: number;
}

/** The plan's totals; `price` gives one cost's price in USD and throws on an unpriced cost. */
export function planTotals(plan: CostPlan, price: (cost: string) => number, fees: FeeSchedule): PlanTotals {
  const lines = plan.items.map((it) => {
    const unit = price(it.cost);
    return { cost: it.cost, quantity: it.quantity, unit, amount: unit * it.quantity };
  });
  const applications = plan.applications.map((a) => ({ ...a, fee: erasFeeForSchedule(a.programs, fees) }));
  const extraRanks = nrmpRankFeeForSchedule(plan.ranks, fees);
  const total = lines.reduce((s, l) => s + l.amount, 0) + applications.reduce((s, a) => s + a.fee, 0) + extraRanks;
  return { lines, applications, extraRanks, total };
}

/**
 * What a plan costs apart from the DR and IR–Integrated ERAS fees and the extra-rank fee, the part the fee
 * estimator computes from the reader's own counts. `dr` and `ir` name the plan's specialties for those tracks.
 */
export function costsBesidesEstimate(totals: PlanTotals, dr: string, ir: string): number {
  const estimated = totals.applications
    .filter((a) => a.specialty === dr || a.specialty === ir)
    .reduce((s, a) => s + a.fee, 0);
  return totals.total - estimated - totals.extraRanks;
}

/** A plan's other costs plus the estimator's ERAS and NRMP total: the whole way with the reader's counts. */
export function wholeWayCost(otherCosts: number, estimate: number): number {
  return otherCosts + estimate;
}
