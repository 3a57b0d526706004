/**
 * The full cost: the file's rules (a cost is priced or says why not; plans count only priced costs), every
 * price is a USD figure from figures.json, and the plans add up line by line with the ERAS and NRMP schedule.
 */
import { readFileSync } from 'node:fs';
import { costFileSchema, type CostFile } from '../../src/engine/costs/cost-schema';
import { costsBesidesEstimate, planTotals, wholeWayCost } from '../../src/engine/costs/cost-totals';
import { erasFeeForSchedule, nrmpRankFeeForSchedule, type FeeSchedule } from '../../src/engine/plan/fees';
import { referenceFileSchema } from '../../src/engine/model/reference';

const file: CostFile = costFileSchema.parse(JSON.parse(readFileSync('content/reference/costs.json', 'utf8')));
const reference = referenceFileSchema.parse(JSON.parse(readFileSync('content/reference/figures.json', 'utf8')));
const value = (id: string) => {
  const f = reference.figures.find((x) => x.id === id);
  if (!f) throw new Error(`missing figure ${id}`);
  return f;
};
const fees: FeeSchedule = {
  erasTier1: value('eras.fee.tier1').value,
  erasTier2: value('eras.fee.tier2').value,
  erasTier1Programs: value('eras.fee.tier1-programs').value,
  nrmpIncludedRanks: value('nrmp.fee.rank-beyond').value,
  nrmpPerExtraRank: value('nrmp.fee.per-extra-rank').value,
};
const price = (cost: string) => {
  const fig = file.items.find((c) => c.id === cost)?.figure;
  if (!fig) throw new Error(`${cost} has no price`);
  return value(fig).value;
};

describe('cost file rules', () => {
  const item = { id: 'x', label: 'Something', group: 'Visa' };
  it.each([
    ['a cost with neither a price nor a reason', { items: [item], plans: [] }, 'either a figure'],
    ['a cost with both', { items: [{ ...item, figure: 'a.b', unpriced: 'why' }], plans: [] }, 'either a figure'],
  ])('turns away %s', (_, bad, message) => {
    expect(JSON.stringify(costFileSchema.safeParse(bad).error?.issues)).toContain(message);
  });

  it('turns away a plan that counts an unknown or unpriced cost', () => {
    const plan = {
      id: 'p',
      title: 'Plan',
      summary: 'A plan that counts what it cannot price.',
      items: [
        { cost: 'nope', quantity: 1 },
        { cost: 'oet-medicine', quantity: 1 },
      ],
      applications: [{ specialty: 'Diagnostic Radiology', programs: 1 }],
      ranks: 1,
    };
    const issues = costFileSchema.safeParse({ ...file, plans: [plan] }).error?.issues.map((i) => i.message);
    expect(issues).toEqual(['unknown cost nope', 'oet-medicine has no price to add']);
  });

  it.each(file.items.filter((c) => c.figure).map((c) => [c.id, c.figure ?? '']))(
    '%s is priced by a USD figure (%s) with a source and year',
    (_, fig) => {
      const f = value(fig);
      expect(f.unit).toBe('USD');
      expect(reference.sources.map((s) => s.id)).toContain(f.source);
    },
  );

  it('keeps OET Medicine and the Pathway fee in the table, unpriced, with the reason', () => {
    for (const id of ['oet-medicine', 'ecfmg-pathway']) {
      expect(file.items.find((c) => c.id === id)?.unpriced?.length).toBeGreaterThan(20);
    }
  });
});

describe('plan totals', () => {
  it.each(file.plans.map((p) => [p.id, p] as const))(
    '%s adds every line, each ERAS specialty and extra ranks',
    (_, plan) => {
      const t = planTotals(plan, price, fees);
      const lines = plan.items.reduce((s, it) => s + price(it.cost) * it.quantity, 0);
      const eras = plan.applications.reduce((s, a) => s + erasFeeForSchedule(a.programs, fees), 0);
      expect(t.total).toBe(lines + eras + nrmpRankFeeForSchedule(plan.ranks, fees));
      expect(t.applications.map((a) => a.fee)).toEqual(
        plan.applications.map((a) => erasFeeForSchedule(a.programs, fees)),
      );
    },
  );

  it('leaves out the DR and IR–Integrated fees and extra ranks for the estimator to add back', () => {
    const plan = file.plans[0];
    if (!plan) throw new Error('no plan');
    const t = planTotals(plan, price, fees);
    const other = costsBesidesEstimate(t, 'Diagnostic Radiology', 'Interventional Radiology–Integrated');
    const dr = erasFeeForSchedule(
      plan.applications.find((a) => a.specialty === 'Diagnostic Radiology')?.programs ?? 0,
      fees,
    );
    const ir = erasFeeForSchedule(
      plan.applications.find((a) => a.specialty === 'Interventional Radiology–Integrated')?.programs ?? 0,
      fees,
    );
    expect(wholeWayCost(other, dr + ir + t.extraRanks)).toBe(t.total);
  });

  it('the H-1B plan costs more than the J-1 plan (Step 3, its trip, a retake, a wider list)', () => {
    const [a, b] = file.plans.map((p) => planTotals(p, price, fees).total);
    expect(b).toBeGreaterThan(a ?? 0);
  });
});
