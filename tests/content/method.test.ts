/**
 * The /method/ page's back-test, computed by the engine (method-data.ts): the model's match chance for the
 * published profiles of NRMP Charting Outcomes 2026 sits in the bands the model is calibrated to, the
 * unmatched medians get less than the matched, and the σ sensitivity rows are there; the table renders them.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import BackTestTable from '../../src/components/method/BackTestTable.astro';
import {
  backTestMatch,
  backTestRows,
  formatParameter,
  latentIllustration,
  parameterGroups,
  pct,
  referenceProfileWithStep2,
  unknownPrograms,
} from '../../src/components/method/method-data';
import { formatPlausible } from '../../src/engine/planner/planner-view';
import { MODEL } from '../engine/fixtures';

const rows = backTestRows();
const row = (key: string) => {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
};

describe('back-test against NRMP Charting Outcomes 2026', () => {
  it.each([
    ['dr-matched', 0.45, 0.58, 0.583, 72],
    ['ir-matched', 0.35, 0.5, 0.483, 37],
  ])(
    '%s: central match chance in [%f, %f], below the published %f, with %i applications',
    (key, lo, hi, published, n) => {
      const r = row(key);
      expect(r.model.central).toBeGreaterThanOrEqual(lo);
      expect(r.model.central).toBeLessThanOrEqual(hi);
      expect(r.model.low).toBeLessThan(r.model.central);
      expect(r.model.high).toBeGreaterThan(r.model.central);
      expect(r.published).toBeCloseTo(published, 10);
      expect(r.applications).toBe(n);
      expect(r.sigma).toBe(MODEL.params['latent.sigma'].value);
    },
  );

  it('gives the unmatched medians less than the matched ones', () => {
    expect(row('dr-unmatched').model.central).toBeLessThan(row('dr-matched').model.central);
    expect(row('ir-unmatched').model.central).toBeLessThan(row('ir-matched').model.central);
    expect(row('dr-unmatched').profile).toMatch(/Step 2 CK 251, 2 abstracts/);
    expect(row('ir-unmatched').profile).toMatch(/Step 2 CK 250/);
  });

  it('has σ = 0.5 and 1.0 sensitivity rows for both matched profiles, computed with that σ', () => {
    const sens = rows.filter((r) => r.sensitivity);
    expect(sens.map((r) => `${r.track}@${r.sigma}`).sort()).toEqual(
      ['dr@0.5', 'dr@1', 'ir-integrated@0.5', 'ir-integrated@1'].sort(),
    );
    for (const r of sens) {
      const base = row(r.track === 'dr' ? 'dr-matched' : 'ir-matched');
      expect(r.applications).toBe(base.applications);
      expect(r.published).toBe(base.published);
      expect(r.model.central).not.toBe(base.model.central);
    }
  });

  it('is the engine at work, not a table of numbers: a stronger profile gets more, a longer list more', () => {
    const ref = { ...referenceProfileWithStep2(250), visa: 'j1' as const, tracks: ['dr' as const] };
    const base = backTestMatch(ref, 'dr', 72).central;
    expect(base).toBeCloseTo(row('dr-matched').model.central, 12);
    expect(backTestMatch({ ...ref, step2: { score: 265, attempts: 1 } }, 'dr', 72).central).toBeGreaterThan(base);
    expect(backTestMatch(ref, 'dr', 100).central).toBeGreaterThan(base);
    expect(unknownPrograms('dr', 3).map((p) => p.facts.j1.value)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('shows the shared shift widening the spread: more chance of no interview than independent programs', () => {
    const l = latentIllustration();
    expect(l.shared.noInterview).toBeGreaterThan(l.independent.noInterview);
    expect(l.shared.match).toBeLessThan(l.independent.match);
  });
});

describe('the parameter table', () => {
  it('titles every group, including the shared shift and the visa priors, and shows probabilities as percentages', () => {
    const titles = parameterGroups().map((g) => g.title);
    expect(titles).toContain('Your shared, unmodelled strength');
    expect(titles).toContain('Visa sponsorship when the program has not said');
    for (const t of titles) expect(t).not.toMatch(/^[a-z]+$/);
    expect(formatParameter('visa.institution-yes', 0.9)).toBe('90%');
  });
});

describe('the back-test table', () => {
  it('renders every row with the central figure and the range in words', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(BackTestTable);
    for (const r of rows) {
      expect(html).toContain(`id="back-test-${r.key}"`);
      expect(html).toMatch(new RegExp(`<strong[^>]*>${pct(r.model.central, 0)}</strong>`));
      expect(html).toContain(formatPlausible(r.model, (x) => pct(x, 0)));
    }
    expect(html).toContain('58.3%');
    expect(html).toContain('48.3%');
  });
});
