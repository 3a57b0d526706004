// The checks model-notes.md asks the model to pass, on synthetic programs.
import { evaluate } from '../../src/engine/plan/evaluate';
import { CTX, drMedianProfile, erasLikePrograms, makePrograms, weakProfile } from './fixtures';

describe('model checks', () => {
  const eighty = makePrograms(80, { j1: true });

  it('a DR-median profile applying to 80 eligible DR programs expects about 5 interviews and under 85% to match', () => {
    const e = evaluate(drMedianProfile(), eighty, CTX);
    const plan = e.summary.plans[0];
    expect(e.summary.counts.eligible).toBe(80);
    expect(plan?.recommendedCount).toBe(80);
    const { expected, matchChance } = e.summary.recommended.portfolio;
    expect(expected.central).toBeGreaterThan(3.5);
    expect(expected.central).toBeLessThan(7);
    expect(matchChance.central).toBeLessThan(0.85);
    expect(matchChance.low).toBeLessThan(matchChance.central);
    expect(matchChance.central).toBeLessThan(matchChance.high);
  });

  it('a weak profile (Step 1 failure, Step 2 CK 228, 9 years out, observerships only) expects under 1 interview and is told to strengthen first', () => {
    const e = evaluate(weakProfile(), eighty, CTX);
    const plan = e.summary.plans[0];
    expect(plan?.atAllCandidates.count).toBe(80);
    expect(plan?.atAllCandidates.expected.central).toBeLessThan(1);
    expect(plan?.status).toBe('strengthen-first');
    expect(plan?.recommendedCount).toBe(0);
    expect(plan?.message.toLowerCase()).toContain('strengthen before applying');
    expect(plan?.advice.length).toBeGreaterThan(0);
  });

  it('on a list like ERAS 2026 with every fact unknown, all programs are uncertain and the median DR profile still reaches its DR target', () => {
    const e = evaluate(drMedianProfile({ tracks: ['ir-integrated', 'dr'] }), erasLikePrograms(), CTX);
    expect(e.summary.counts).toEqual({ total: 296, eligible: 0, uncertain: 296, ineligible: 0 });
    expect(e.programs.every((r) => r.tier.tier === 'unassigned')).toBe(true);
    expect(e.summary.plans.find((p) => p.track === 'dr')?.status).toBe('reaches-target');
  });
});
