import { evaluate } from '../../src/engine/plan/evaluate';
import { erasFee, erasFees, firstAdvice, nrmpRankFee, planTrack, type PlanCandidate } from '../../src/engine/plan/plan';
import { logit, param, type Model } from '../../src/engine/model/model';
import { scoreTable } from '../../src/engine/model/score';
import {
  CTX,
  drMedianProfile,
  makeProgram,
  makePrograms,
  MODEL,
  strengthenIrOnlyPrograms,
  weakProfile,
} from './fixtures';

describe('ERAS fees (2026: $11 each for 1–30, $30 each from the 31st, per specialty)', () => {
  it.each([
    [0, 0],
    [1, 11],
    [30, 330],
    [31, 360],
    [60, 1230],
    [80, 1830],
  ])('%i programs in one specialty cost $%i', (count, fee) => {
    expect(erasFee(count, MODEL)).toBe(fee);
  });

  it.each([
    [{ dr: 60, 'ir-integrated': 30 }, 1230, 330, 1560],
    [{ dr: 30, 'ir-integrated': 30 }, 330, 330, 660],
    [{ dr: 45 }, 780, 0, 780],
    [{ 'ir-integrated': 31 }, 0, 360, 360],
  ])('%j: a second specialty starts again at $11', (counts, dr, ir, total) => {
    expect(erasFees(counts, MODEL)).toEqual({ perTrack: { dr, 'ir-integrated': ir }, total });
  });

  it.each([-1, 2.5, Number.NaN])('rejects %d programs', (n) => {
    expect(() => erasFee(n, MODEL)).toThrow(RangeError);
  });
});

describe('NRMP rank fee ($30 for each rank beyond 20)', () => {
  it.each([
    [0, 0],
    [20, 0],
    [21, 30],
    [25, 150],
  ])('%i ranks cost $%i', (ranks, fee) => {
    expect(nrmpRankFee(ranks, MODEL)).toBe(fee);
  });
});

// The plan's mechanics without the applicant's shared shift (σ = 0), so a candidate's chance is exactly the given one.
const PLAN_MODEL: Model = { ...MODEL, params: { ...MODEL.params, 'latent.sigma': { low: 0, value: 0, high: 0 } } };
const logOdds = (p: number) => (p >= 1 ? 40 : p <= 0 ? -40 : logit(p));
const candidate = (id: string, c: number, extra: Partial<PlanCandidate> = {}): PlanCandidate => {
  const chance = { low: c / 2, central: c, high: Math.min(1, c * 2) };
  return {
    programId: id,
    chance,
    odds: {
      logOdds: { low: logOdds(chance.low), central: logOdds(chance.central), high: logOdds(chance.high) },
      factor: { low: 1, central: 1, high: 1 },
    },
    preferred: false,
    status: 'eligible',
    gain: c,
    state: 'CA',
    name: `Program ${id}`,
    ...extra,
  };
};
const candidates = (chances: number[]): PlanCandidate[] => chances.map((c, i) => candidate(String(4200500000 + i), c));

describe('planTrack', () => {
  const applicant = scoreTable(drMedianProfile(), MODEL, 2026).dr.applicant;

  it('takes the best chances first and stops at the target', () => {
    const plan = planTrack(
      'dr',
      candidates([0.05, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]),
      drMedianProfile(),
      applicant,
      PLAN_MODEL,
      {
        targetInterviews: 2,
      },
    );
    expect(plan.status).toBe('reaches-target');
    expect(plan.programIds).not.toContain('4200500000');
    expect(plan.recommendedCount).toBe(plan.needed.central);
    expect(plan.atRecommended.atLeast.central).toBeGreaterThanOrEqual(0.5);
    expect(plan.curve[(plan.recommendedCount ?? 0) - 2]?.atLeast.central).toBeLessThan(0.5);
    expect(plan.erasFee).toBe(erasFee(plan.recommendedCount, MODEL));
    expect(plan.message).toMatch(
      /^Apply to \d+ DR programs to get at least 2 interviews with a chance of 50% \(central estimate\)/,
    );
    expect(plan.advice).toEqual([]);
  });

  it('orders cautious ≥ central ≥ hopeful needs', () => {
    const plan = planTrack('dr', candidates(new Array(300).fill(0.06)), drMedianProfile(), applicant, PLAN_MODEL);
    const { cautious, central, hopeful } = plan.needed;
    expect(hopeful).not.toBeNull();
    expect(central).not.toBeNull();
    expect(hopeful ?? 0).toBeLessThanOrEqual(central ?? 0);
    if (cautious !== null) expect(central ?? 0).toBeLessThanOrEqual(cautious);
  });

  it('says plainly when even every program does not reach the target', () => {
    const plan = planTrack('dr', candidates(new Array(40).fill(0.06)), drMedianProfile(), applicant, PLAN_MODEL);
    expect(plan.status).toBe('below-target');
    expect(plan.recommendedCount).toBe(40);
    expect(plan.message).toMatch(
      /^Even applying to all 40 DR programs open to you, the chance of at least 5 interviews is \d+%, below the 50% target/,
    );
  });

  it('uses the default targets of model.json and accepts others', () => {
    expect(planTrack('dr', [], drMedianProfile(), applicant, PLAN_MODEL).targetInterviews).toBe(5);
    expect(planTrack('ir-integrated', [], drMedianProfile(), applicant, PLAN_MODEL).targetInterviews).toBe(2);
    const p = planTrack('dr', [], drMedianProfile(), applicant, PLAN_MODEL, {
      targetInterviews: 3,
      targetProbability: 0.9,
    });
    expect([p.targetInterviews, p.targetProbability, p.status]).toEqual([3, 0.9, 'no-candidates']);
    expect(() => planTrack('dr', [], drMedianProfile(), applicant, PLAN_MODEL, { targetProbability: 1 })).toThrow(
      RangeError,
    );
  });

  it('orders by gain, spreads ties across states (one per state in turn), then by name; never by ID', () => {
    const list: PlanCandidate[] = [
      candidate('4200500009', 0.1, { state: 'NY', name: 'Zeta' }),
      candidate('4200500008', 0.1, { state: 'NY', name: 'Alpha' }),
      candidate('4200500007', 0.1, { state: 'TX', name: 'Mid', status: 'uncertain' }),
      candidate('4200500001', 0.2, { state: 'NY', name: 'Best', gain: 0.3 }),
      candidate('4200500000', 0, { state: 'CA', name: 'Out', status: 'ineligible' }),
    ];
    const plan = planTrack('dr', list, drMedianProfile(), applicant, PLAN_MODEL, { targetInterviews: 50 });
    expect(plan.atAllCandidates.programIds).toEqual(['4200500001', '4200500008', '4200500007', '4200500009']);
    expect(plan.uncertainCandidates).toBe(1);
  });
});

describe('planTrack: strengthen before applying', () => {
  const applicant = scoreTable(drMedianProfile(), MODEL, 2026).dr.applicant;
  const threshold = param(MODEL, 'plan.strengthen-below-expected');
  // 40 programs whose chances add up to half the threshold: even all of them fall short of it.
  const weak = candidates(new Array(40).fill(threshold / 80));
  const plan = planTrack('dr', weak, drMedianProfile(), applicant, PLAN_MODEL);

  it('recommends no programs and no fees', () => {
    expect(plan.status).toBe('strengthen-first');
    expect(plan.recommendedCount).toBe(0);
    expect(plan.programIds).toEqual([]);
    expect(plan.chances).toEqual([]);
    expect(plan.erasFee).toBe(0);
    expect(plan.reachesTarget).toBe(false);
    expect(plan.atRecommended.expected).toEqual({ low: 0, central: 0, high: 0 });
    expect(plan.atRecommended.atLeast).toEqual({ low: 0, central: 0, high: 0 });
  });

  it('keeps, apart, what applying to every program would give', () => {
    const last = plan.curve.at(-1);
    expect(plan.candidates).toBe(40);
    expect(plan.atAllCandidates.count).toBe(40);
    expect(plan.atAllCandidates.programIds).toEqual(weak.map((c) => c.programId));
    expect(plan.atAllCandidates.expected).toEqual(last?.expected);
    expect(plan.atAllCandidates.atLeast).toEqual(last?.atLeast);
    expect(plan.atAllCandidates.expected.central).toBeCloseTo(threshold / 2, 12);
    expect(plan.atAllCandidates.erasFee).toBe(erasFee(40, MODEL));
    expect(plan.atAllCandidates.erasFee).toBeGreaterThan(0);
  });

  it('says what all of them would give, and that the plan counts none', () => {
    const e = plan.atAllCandidates.expected;
    expect(plan.message).toContain(
      `even applying to all 40 DR programs open to you, the model expects ${e.central.toFixed(1)} interviews (range ${e.low.toFixed(1)} to ${e.high.toFixed(1)})`,
    );
    expect(plan.message).toContain('counts no DR applications and no fees');
    expect(plan.advice.length).toBeGreaterThan(0);
  });

  it.each([
    ['reaches-target', new Array(300).fill(0.06)],
    ['below-target', new Array(40).fill(0.06)],
  ] as const)(
    'leaves a %s plan as it was: its programs and fees, with every program also carried apart',
    (status, chances) => {
      const p = planTrack('dr', candidates([...chances]), drMedianProfile(), applicant, PLAN_MODEL);
      expect(p.status).toBe(status);
      expect(p.recommendedCount).toBe(p.needed.central ?? chances.length);
      expect(p.recommendedCount).toBeGreaterThan(0);
      expect(p.programIds).toEqual(p.atAllCandidates.programIds.slice(0, p.recommendedCount));
      expect(p.erasFee).toBe(erasFee(p.recommendedCount, MODEL));
      expect(p.atRecommended.expected).toEqual(p.curve[p.recommendedCount - 1]?.expected);
      expect(p.atAllCandidates).toMatchObject({ count: chances.length, erasFee: erasFee(chances.length, MODEL) });
    },
  );
});

describe('evaluate: plan summary', () => {
  it('recommends a plan per wanted track with fees per specialty', () => {
    const programs = [...makePrograms(120, { j1: true }), ...makePrograms(60, { track: 'ir-integrated', j1: true }, 1)];
    const e = evaluate(drMedianProfile({ tracks: ['ir-integrated', 'dr'], budgetUsd: 100 }), programs, CTX);
    expect(e.summary.plans.map((p) => p.track)).toEqual(['ir-integrated', 'dr']);
    const [ir, dr] = e.summary.plans;
    expect(e.summary.recommended.fees.eras).toEqual({
      dr: erasFee(dr?.recommendedCount ?? 0, MODEL),
      'ir-integrated': erasFee(ir?.recommendedCount ?? 0, MODEL),
    });
    expect(e.summary.recommended.programIds).toHaveLength((ir?.recommendedCount ?? 0) + (dr?.recommendedCount ?? 0));
    expect(e.summary.recommended.budget).toMatchObject({ limit: 100, within: false });
    expect(e.summary.recommended.budget?.message).toMatch(/above your budget of \$100/);
  });

  it('leaves tracks the applicant does not want out of the plan', () => {
    const programs = [...makePrograms(10, { j1: true }), ...makePrograms(10, { track: 'ir-integrated', j1: true })];
    const e = evaluate(drMedianProfile({ tracks: ['dr'] }), programs, CTX);
    expect(e.summary.plans.map((p) => p.track)).toEqual(['dr']);
    expect(e.programs.filter((r) => !r.wanted)).toHaveLength(10);
    expect(e.summary.recommended.fees.eras['ir-integrated']).toBe(0);
  });

  it('counts no applications and no fees for a track whose plan says to strengthen first', () => {
    const e = evaluate(weakProfile({ budgetUsd: 500 }), makePrograms(80, { j1: true }), CTX);
    const plan = e.summary.plans[0];
    expect(plan?.status).toBe('strengthen-first');
    expect(e.summary.recommended.programIds).toEqual([]);
    expect(e.summary.recommended.portfolio.count).toBe(0);
    expect(e.summary.recommended.fees).toMatchObject({ eras: { dr: 0, 'ir-integrated': 0 }, erasTotal: 0, total: 0 });
    expect(e.summary.recommended.budget).toMatchObject({ limit: 500, within: true });
    expect(e.summary.recommended.budget?.message).toMatch(/^No applications are recommended for now/);
    expect(plan?.atAllCandidates).toMatchObject({ count: 80, erasFee: erasFee(80, MODEL) });
  });

  it('adds up only the tracks that recommend programs when one says to strengthen first', () => {
    const e = evaluate(drMedianProfile({ tracks: ['ir-integrated', 'dr'] }), strengthenIrOnlyPrograms(), CTX);
    const [ir, dr] = e.summary.plans;
    expect([ir?.status, dr?.status]).toEqual(['strengthen-first', 'reaches-target']);
    expect(e.summary.recommended.programIds).toEqual(dr?.programIds);
    expect(e.summary.recommended.fees.eras).toEqual({
      dr: erasFee(dr?.recommendedCount ?? -1, MODEL),
      'ir-integrated': 0,
    });
  });

  it('gives the weak profile advice, most useful first', () => {
    const e = evaluate(weakProfile(), makePrograms(80, { j1: true }), CTX);
    const plan = e.summary.plans[0];
    expect(plan?.status).toBe('strengthen-first');
    expect(plan?.message).toMatch(/^Strengthen before applying/);
    expect(plan?.advice[0]).toMatch(/failed attempt/);
    expect(plan?.advice).toContain(
      'Get hands-on US clinical experience: about 3 months of electives or sub-internships, ideally in radiology or IR.',
    );
  });

  it('skips excluded programs and counts each status', () => {
    const programs = [makeProgram({ seq: 1, j1: true }), makeProgram({ seq: 2 }), makeProgram({ seq: 3, j1: false })];
    const e = evaluate(drMedianProfile(), programs, CTX);
    expect(e.summary.counts).toEqual({ total: 3, eligible: 1, uncertain: 1, ineligible: 1 });
    expect(e.summary.plans[0]?.candidates).toBe(2);
  });
});

describe('advice that acts on the gap', () => {
  const applicant = scoreTable(drMedianProfile(), MODEL, 2026).dr.applicant;

  it('no Step 2 CK score: take it first, no list and no fees, even with many programs open', () => {
    const profile = drMedianProfile({ step2: { score: 'not-taken', attempts: 1 }, ecfmg: 'pending' });
    const plan = planTrack('dr', candidates(new Array(150).fill(0.08)), profile, applicant, PLAN_MODEL);
    expect(plan.status).toBe('strengthen-first');
    expect(plan.recommendedCount).toBe(0);
    expect(plan.message).toMatch(/^Take Step 2 CK before applying/);
    expect(plan.advice[0]).toMatch(/^Take Step 2 CK first/);
  });

  it('an H-1B without Step 3: Step 3 before rank lists, or the J-1, with the survey shares, first', () => {
    const profile = drMedianProfile({ visa: 'h1b', step3: 'no' });
    const plan = planTrack('dr', candidates(new Array(300).fill(0.06)), profile, applicant, PLAN_MODEL);
    expect(plan.status).toBe('reaches-target');
    expect(plan.advice[0]).toMatch(/^Pass Step 3 before rank lists are due/);
    expect(plan.advice[0]).toContain('23.2% of DR programs sponsor the H-1B against 73.1% for the J-1');
    expect(firstAdvice(drMedianProfile({ visa: 'h1b', step3: 'passed' }), MODEL)).toEqual([]);
    expect(firstAdvice(drMedianProfile(), MODEL)).toEqual([]);
  });
});
