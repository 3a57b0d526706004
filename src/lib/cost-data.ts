/**
 * The full-cost file (content/reference/costs.json), parsed once at build time: every priced cost names a
 * figure in USD from figures.json, and each plan is added up with the engine (src/engine/costs).
 */
import raw from '../../content/reference/costs.json';
import { costFileSchema, type CostFile, type CostItem } from '../engine/costs/cost-schema';
import { planTotals, type PlanTotals } from '../engine/costs/cost-totals';
import { bundledModel } from '../engine/model/bundled-model';
import { figure } from '../engine/model/reference';
import { reference } from './reference-data';

function load(): CostFile {
  const parsed = costFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  content/reference/costs.json ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid cost file:\n${lines.join('\n')}`);
  }
  for (const c of parsed.data.items) {
    if (c.figure && figure(reference, c.figure).unit !== 'USD') {
      throw new Error(`content/reference/costs.json: ${c.id} is priced by ${c.figure}, which is not in USD`);
    }
  }
  return parsed.data;
}

/** Costs and example plans, validated. */
export const costs: CostFile = load();

/** A cost by id; throws on an unknown id. */
export function costItem(id: string): CostItem {
  const found = costs.items.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown cost "${id}" (see content/reference/costs.json)`);
  return found;
}

/** The price of one cost in USD, from its figure. */
export function costPrice(id: string): number {
  const f = costItem(id).figure;
  if (!f) throw new Error(`Cost "${id}" has no price`);
  return figure(reference, f).value;
}

/** Each example plan with its totals, using the ERAS and NRMP fee schedule the planner uses. */
export function plansWithTotals(): { plan: CostFile['plans'][number]; totals: PlanTotals }[] {
  const fees = bundledModel().fees;
  return costs.plans.map((plan) => ({ plan, totals: planTotals(plan, costPrice, fees) }));
}

/** The specialty names the plans use for the two tracks the fee estimator counts. */
export const ESTIMATED_SPECIALTIES = { dr: 'Diagnostic Radiology', ir: 'Interventional Radiology–Integrated' } as const;
