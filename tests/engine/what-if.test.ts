import { evaluate } from '../../src/engine/plan/evaluate';
import { whatIf, whatIfBasis, WHAT_IF_SCENARIOS, type WhatIfResult } from '../../src/engine/plan/what-if';
import { CTX, drMedianProfile, makePrograms, strengthenIrOnlyPrograms, weakProfile } from './fixtures';

const programs = [...makePrograms(60, { j1: true }), ...makePrograms(40, { imgShare: 0.3 }, 61)];

function byId(results: WhatIfResult[], id: WhatIfResult['id']): WhatIfResult {
  const r = results.find((x) => x.id === id);
  if (!r) throw new Error(`no ${id}`);
  return r;
}

describe('whatIf', () => {
  const profile = drMedianProfile();
  const results = whatIf(profile, programs, CTX);

  it('runs the six changes in order', () => {
    expect(results.map((r) => r.id)).toEqual(WHAT_IF_SCENARIOS.map((s) => s.id));
    expect(results.map((r) => r.id)).toEqual([
      'step2-plus-5',
      'step2-plus-10',
      'step3-passed',
      'one-more-ir-letter',
      'two-more-months-hands-on',
      'one-more-year-since-graduation',
    ]);
  });

  it.each([
    ['step2-plus-5', 1],
    ['step2-plus-10', 1],
    ['step3-passed', 1],
    ['one-more-ir-letter', 1],
    ['two-more-months-hands-on', 0],
    ['one-more-year-since-graduation', 0],
  ] as const)('%s moves expected interviews in the right direction (sign %i)', (id, sign) => {
    const r = byId(results, id);
    if (!r.applicable) throw new Error('should apply');
    if (sign === 1) expect(r.expected.delta.central).toBeGreaterThan(0);
    else expect(r.expected.delta.central).toBe(0);
    expect(r.expected.after.central - r.expected.before.central).toBeCloseTo(r.expected.delta.central, 12);
  });

  it('reports nothing for hands-on months beyond the cap, and a loss for an older graduation past 5 years', () => {
    const older = whatIf(drMedianProfile({ graduationYear: 2020 }), programs, CTX);
    const r = byId(older, 'one-more-year-since-graduation');
    expect(r.applicable && r.expected.delta.central).toBeLessThan(0);
    expect(r.applicable && r.matchChance.delta.central).toBeLessThan(0);
  });

  it('lists programs that change band, exactly those whose band differs after the change', () => {
    const strong = drMedianProfile({ step2: { score: 278, attempts: 1 } });
    const r = byId(whatIf(strong, programs, CTX), 'step2-plus-10');
    if (!r.applicable) throw new Error('should apply');
    const before = evaluate(strong, programs, CTX).programs;
    const after = evaluate(drMedianProfile({ step2: { score: 288, attempts: 1 } }), programs, CTX).programs;
    const expected = before.flatMap((b, i) =>
      after[i] && after[i].band !== b.band ? [{ programId: b.programId, from: b.band, to: after[i].band }] : [],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(r.bandChanges).toEqual(expected);
    expect(r.bandChanges.every((c) => c.to === 'likely')).toBe(true);
  });

  it('keeps the list of applications fixed and reports the new recommended counts', () => {
    const baseline = evaluate(profile, programs, CTX);
    const r = byId(whatIf(profile, programs, CTX, { baseline }), 'step2-plus-10');
    if (!r.applicable) throw new Error('should apply');
    expect(r.expected.before).toEqual(baseline.summary.recommended.portfolio.expected);
    expect(r.recommendedCount.dr?.before).toBe(baseline.summary.plans[0]?.recommendedCount);
    expect(r.recommendedCount.dr?.after).toBeLessThanOrEqual(r.recommendedCount.dr?.before ?? 0);
  });

  it('accepts the user list of applications', () => {
    const ids = programs.slice(0, 5).map((p) => p.id);
    const r = byId(whatIf(profile, programs, CTX, { programIds: ids }), 'step3-passed');
    const chances = evaluate(profile, programs, CTX)
      .programs.slice(0, 5)
      .map((x) => x.chance.central);
    expect(r.applicable && r.expected.before.central).toBeCloseTo(
      chances.reduce((a, b) => a + b, 0),
      10,
    );
  });

  it.each([
    [
      'step2-plus-5',
      { step2: { score: 'not-taken', attempts: 1 }, ecfmg: 'pending' },
      'You have no Step 2 CK score yet.',
    ],
    ['step3-passed', { step3: 'passed' }, 'You have already passed Step 3.'],
    ['one-more-year-since-graduation', { graduationYear: null }, 'Enter your graduation year first.'],
  ] as const)('%s does not apply when %j', (id, changes, reason) => {
    const r = byId(whatIf(drMedianProfile(changes), programs, CTX), id);
    expect(r).toMatchObject({ applicable: false, reason });
  });
});

describe('whatIfBasis', () => {
  it('is My list when it has programs, else the recommended plan', () => {
    const baseline = evaluate(drMedianProfile(), programs, CTX);
    expect(whatIfBasis(baseline, ['4203500001'])).toEqual({ programIds: ['4203500001'], label: 'My list' });
    expect(whatIfBasis(baseline, [])).toEqual({
      programIds: baseline.summary.recommended.programIds,
      label: 'the recommended plan',
    });
  });

  it('counts every open program of a track whose plan says to strengthen first (it recommends none)', () => {
    const weak = weakProfile();
    const baseline = evaluate(weak, programs, CTX);
    const plan = baseline.summary.plans[0];
    expect(plan?.status).toBe('strengthen-first');
    const basis = whatIfBasis(baseline, []);
    expect(basis.programIds).toEqual(plan?.atAllCandidates.programIds);
    expect(basis.programIds.length).toBeGreaterThan(0);
    expect(basis.label).toMatch(/^every DR program open to you/);
    // The default list of whatIf is this basis, so a change is worth something even with no programs recommended.
    const r = byId(whatIf(weak, programs, CTX, { baseline }), 'step2-plus-10');
    if (!r.applicable) throw new Error('should apply');
    expect(r.expected.before.central).toBeCloseTo(plan?.atAllCandidates.expected.central ?? -1, 12);
    expect(r.expected.delta.central).toBeGreaterThan(0);
  });

  it('adds the strengthen-first track to the plan of the other', () => {
    const baseline = evaluate(drMedianProfile({ tracks: ['ir-integrated', 'dr'] }), strengthenIrOnlyPrograms(), CTX);
    const [ir, dr] = baseline.summary.plans;
    expect([ir?.status, dr?.status]).toEqual(['strengthen-first', 'reaches-target']);
    const basis = whatIfBasis(baseline, []);
    expect(basis.programIds).toEqual([...(ir?.atAllCandidates.programIds ?? []), ...(dr?.programIds ?? [])]);
    expect(basis.label).toMatch(/^the recommended plan plus every IR–Integrated program open to you/);
  });
});
