import { evaluate } from '../../src/engine/plan/evaluate';
import { interviewChance, signedLogOdds } from '../../src/engine/model/score';
import { chanceBand, irPathwayStrength, programTier } from '../../src/engine/plan/tiers';
import { CTX, drMedianProfile, makeProgram, MODEL, weakProfile } from './fixtures';

describe('interviewChance', () => {
  it('explains Step 2 CK against the track median in words', () => {
    const e = interviewChance(
      drMedianProfile({ step2: { score: 262, attempts: 1 } }),
      makeProgram({ seq: 1, j1: true }),
      CTX,
    );
    const step2 = e.explanation.contributions.find((c) => c.id === 'step2');
    expect(step2?.sentence).toBe(
      'Your Step 2 CK of 262 is 12 points above the median of matched non-US IMGs in DR (250): +0.36',
    );
    expect(step2?.value).toBeCloseTo(0.36, 12);
  });

  it('measures IR–Integrated against its own median', () => {
    const e = interviewChance(drMedianProfile(), makeProgram({ seq: 1, track: 'ir-integrated', j1: true }), CTX);
    expect(e.explanation.contributions.find((c) => c.id === 'step2')?.sentence).toBe(
      'Your Step 2 CK of 250 is 10 points below the median of matched non-US IMGs in IR–Integrated (260): −0.50',
    );
  });

  it('lists contributions largest first, adding up exactly to the central log-odds', () => {
    const e = interviewChance(weakProfile(), makeProgram({ seq: 1, imgShare: 0.2 }), CTX);
    const values = e.explanation.contributions.map((c) => Math.abs(c.value));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(e.explanation.contributions.reduce((s, c) => s + c.value, 0)).toBe(e.explanation.logOdds);
    expect(e.logOdds.central).toBe(e.explanation.logOdds);
    expect(e.explanation.contributions.every((c) => c.sentence.endsWith(signedLogOdds(c.value)))).toBe(true);
  });

  it.each([
    [0.2, 'some', 0.5],
    [0, 'none', -1.0],
    ['unknown', 'unknown', 0],
  ] as const)('IMG share %j counts as %s history: %d', (imgShare, _, value) => {
    const e = interviewChance(drMedianProfile(), makeProgram({ seq: 1, j1: true, imgShare }), CTX);
    expect(e.explanation.contributions.find((c) => c.id === 'img-history')?.value).toBe(value);
  });

  it('multiplies by the national J-1 share when the visa policy is unknown', () => {
    const known = interviewChance(drMedianProfile(), makeProgram({ seq: 1, j1: true }), CTX);
    const unknown = interviewChance(drMedianProfile(), makeProgram({ seq: 1 }), CTX);
    expect(unknown.chance.central).toBeCloseTo(known.chance.central * 0.731, 12);
    expect(unknown.explanation.factor).toBeCloseTo(0.731, 12);
    expect(unknown.explanation.factorSentence).toContain('Whether this program sponsors the J-1 is not settled');
  });

  it('gives 0 for a known "no" and says why', () => {
    const e = interviewChance(drMedianProfile(), makeProgram({ seq: 1, j1: false }), CTX);
    expect(e.chance).toEqual({ low: 0, central: 0, high: 0 });
    expect(e.explanation.factorSentence).toBe(
      'Excluded, so the chance is 0: This program does not sponsor the J-1 visa you need.',
    );
  });

  it('keeps low ≤ central ≤ high even when a low parameter favours the applicant', () => {
    // Below the median, the low Step 2 slope is the favourable end.
    const e = interviewChance(
      drMedianProfile({ step2: { score: 220, attempts: 1 } }),
      makeProgram({ seq: 1, j1: true }),
      CTX,
    );
    const step2 = e.explanation.contributions.find((c) => c.id === 'step2');
    expect(step2?.low).toBeCloseTo(-1.35, 12);
    expect(step2?.high).toBeCloseTo(-0.45, 12);
    expect(e.chance.low).toBeLessThan(e.chance.central);
    expect(e.chance.central).toBeLessThan(e.chance.high);
  });

  it('explains a missing Step 2 CK and a missing graduation year', () => {
    const e = interviewChance(
      drMedianProfile({ step2: { score: 'not-taken', attempts: 1 }, ecfmg: 'pending', graduationYear: null }),
      makeProgram({ seq: 1, j1: true }),
      CTX,
    );
    const sentences = e.explanation.contributions.map((c) => c.sentence);
    expect(sentences).toContain(
      'You have not taken Step 2 CK yet; many programs do not review an IMG application without a score: −1.00',
    );
    expect(sentences).toContain('Graduation year not entered; counted as within 5 years: 0.00');
  });

  it('refuses a track the model does not score', () => {
    expect(() => interviewChance(drMedianProfile(), makeProgram({ seq: 1, track: 'ir-independent' }), CTX)).toThrow(
      /not ir-independent/,
    );
  });
});

describe('chanceBand', () => {
  it.each([
    [0, true, 'reach'],
    [0.039, true, 'reach'],
    [0.04, true, 'target'],
    [0.063, true, 'target'],
    [0.046, true, 'target'],
    [0.149, true, 'target'],
    [0.15, true, 'likely'],
    [0.5, true, 'likely'],
    [0.5, false, 'excluded'],
  ] as const)('%d (eligible %s) is %s', (chance, eligible, band) => {
    expect(chanceBand(chance, eligible, MODEL)).toBe(band);
  });

  it('puts the DR median applicant at a program with unknown facts in Target', () => {
    const e = evaluate(drMedianProfile(), [makeProgram({ seq: 1 })], CTX);
    expect(e.programs[0]?.band).toBe('target');
  });
});

describe('programTier', () => {
  it.each([
    [{ seq: 1, track: 'ir-integrated' as const, irIndependent: 'yes' as const }, 1, true],
    [{ seq: 1, siblings: ['4163500001'] }, 2, true],
    [{ seq: 1, esir: true }, 2, true],
    [{ seq: 1 }, 3, true],
    [{ seq: 1, setting: 'university' as const, siblings: ['4163500001'], irIndependent: 'yes' as const }, 1, false],
    [{ seq: 1, setting: 'university' as const }, 2, false],
    [{ seq: 1, setting: 'community-university-affiliated' as const, siblings: ['4163500001'] }, 2, false],
    [{ seq: 1, setting: 'community' as const, siblings: ['4163500001'], irIndependent: 'yes' as const }, 3, false],
  ])('%j is tier %i (likely: %s)', (spec, tier, likely) => {
    const t = programTier(makeProgram(spec));
    expect([t.tier, t.likely]).toEqual([tier, likely]);
    expect(t.reason.length).toBeGreaterThan(20);
    if (likely) expect(t.reason).toMatch(/setting not yet known/);
  });

  it('rates the IR pathway apart from the chance', () => {
    expect(irPathwayStrength(makeProgram({ seq: 1, siblings: ['4163500001'], irIndependent: 'yes' }))).toBe('strong');
    expect(irPathwayStrength(makeProgram({ seq: 1, siblings: ['4163500001'], esir: true }))).toBe('strong');
    expect(irPathwayStrength(makeProgram({ seq: 1, irIndependent: 'yes' }))).toBe('moderate');
    expect(irPathwayStrength(makeProgram({ seq: 1, irIndependent: 'possible' }))).toBe('limited');
    expect(irPathwayStrength(makeProgram({ seq: 1 }))).toBe('limited');
  });
});
