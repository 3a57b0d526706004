// The checks model-notes.md asks the model to pass, on synthetic programs.
import { evaluate } from '../../src/engine/plan/evaluate';
import { summarizePortfolio } from '../../src/engine/model/portfolio';
import type { Profile } from '../../src/engine/profile/profile';
import type { Program } from '../../src/engine/data/program';
import { CTX, drMedianProfile, erasLikePrograms, makePrograms, weakProfile } from './fixtures';

/** The central match chance (and range) of applying to every given program. */
function matchAt(profile: Profile, programs: readonly Program[]) {
  const e = evaluate(profile, programs, CTX);
  return summarizePortfolio(
    e.programs.map((r) => r.odds),
    CTX.model,
  ).matchChance;
}

const drMatched = drMedianProfile();
const drUnmatched = drMedianProfile({
  step2: { score: 251, attempts: 1 },
  research: { irPublications: 3, otherPublications: 0, abstracts: 2 },
});
const irMatched = drMedianProfile({ step2: { score: 260, attempts: 1 }, tracks: ['ir-integrated'] });
const irUnmatched = drMedianProfile({ step2: { score: 250, attempts: 1 }, tracks: ['ir-integrated'] });
const dr72 = makePrograms(72);
const ir37 = makePrograms(37, { track: 'ir-integrated' });

describe('back-test against NRMP Charting Outcomes 2026 (non-US IMGs)', () => {
  it('the DR median matched profile (Step 2 CK 250, J-1) applying to 72 unknown-visa DR programs: central match chance 45–58% (published 58.3%, rankers only)', () => {
    const m = matchAt(drMatched, dr72);
    expect(m.central).toBeGreaterThanOrEqual(0.45);
    expect(m.central).toBeLessThanOrEqual(0.58);
    expect(m.low).toBeLessThan(m.central);
    expect(m.high).toBeGreaterThan(m.central);
  });

  it('the typical IR–Integrated applicant (Step 2 CK 260) applying to 37 IR programs: central 35–50% (published 48.3%, n = 29)', () => {
    const m = matchAt(irMatched, ir37);
    expect(m.central).toBeGreaterThanOrEqual(0.35);
    expect(m.central).toBeLessThanOrEqual(0.5);
  });

  it('the unmatched medians get lower chances than the matched ones (DR: 251 and 2 abstracts; IR: Step 2 CK 250)', () => {
    expect(matchAt(drUnmatched, dr72).central).toBeLessThan(matchAt(drMatched, dr72).central - 0.02);
    expect(matchAt(irUnmatched, ir37).central).toBeLessThan(matchAt(irMatched, ir37).central - 0.08);
  });

  it('a weak profile stays under 10% at any list size', () => {
    const all = makePrograms(193);
    expect(matchAt(weakProfile(), all).central).toBeLessThan(0.1);
  });
});

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
    expect(e.programs.every((r) => r.tier.likely)).toBe(true);
    expect(e.summary.plans.find((p) => p.track === 'dr')?.status).toBe('reaches-target');
  });
});
