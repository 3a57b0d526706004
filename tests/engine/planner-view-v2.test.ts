// The planner's view facts for engine v2: ranges in words, band and tier labels, the programs a plan
// names and why, the "ask first" list and its email.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/plan/evaluate';
import { BAND_WORDS, programTier } from '../../src/engine/plan/tiers';
import { applyVerifications } from '../../src/engine/planner/verification';
import {
  BAND_LABEL,
  BAND_ORDER,
  IR_PATHWAY_WORDS,
  askEmail,
  askFirstRows,
  bandMeaning,
  formatCount,
  formatEstimate,
  formatPct,
  formatPlausible,
  irRoutesText,
  planFacts,
  planProgramRows,
  planReason,
  portfolioFacts,
  tierLabel,
} from '../../src/engine/planner/planner-view';
import type { Range } from '../../src/engine/model/model';
import { CTX, MODEL, TODAY, drMedianProfile, makeProgram, makePrograms, programId } from './fixtures';

const r = (low: number, central: number, high: number): Range => ({ low, central, high });
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;

describe('formatPlausible and formatEstimate: the central figure first, the range in words', () => {
  it.each([
    ['a chance', r(0.02, 0.05, 0.081), formatPct, 'plausible from 2% to 8%', '5%, plausible from 2% to 8%'],
    ['ends that read the same', r(0.049, 0.05, 0.051), formatPct, '', '5%'],
    [
      'a low end under 1%',
      r(0.001, 0.01, 0.03),
      formatPct,
      'plausible from under 1% to 3%',
      '1%, plausible from under 1% to 3%',
    ],
    ['a count', r(3.06, 5, 8), formatCount, 'plausible from 3.1 to 8.0', '5.0, plausible from 3.1 to 8.0'],
    ['a signed change', r(-0.42, 1.2, 2), signed, 'plausible from −0.4 to +2.0', '+1.2, plausible from −0.4 to +2.0'],
  ])('%s', (_name, range, format, plausible, estimate) => {
    expect(formatPlausible(range, format)).toBe(plausible);
    expect(formatEstimate(range, format)).toBe(estimate);
  });
});

describe('bands and tiers as shown', () => {
  it('names the bands with the guide words of BAND_WORDS', () => {
    for (const b of BAND_ORDER) expect(BAND_LABEL[b]).toBe(BAND_WORDS[b].name);
    expect(BAND_ORDER.map((b) => BAND_LABEL[b])).toEqual(['Strong', 'Realistic', 'Long shot', 'Excluded']);
  });

  it.each(BAND_ORDER)('%s: the meaning per application, with the thresholds of model.json', (band) => {
    const text = bandMeaning(band, MODEL);
    expect(text).toContain(BAND_WORDS[band].meaning);
    const reach = formatPct(MODEL.params['band.reach-below'].value);
    const likely = formatPct(MODEL.params['band.likely-from'].value);
    if (band === 'reach') expect(text).toMatch(new RegExp(`^Central chance under ${reach} per application`));
    if (band === 'target')
      expect(text).toMatch(new RegExp(`^Central chance from ${reach} to under ${likely} per application`));
    if (band === 'likely') expect(text).toMatch(new RegExp(`^Central chance of ${likely} or more per application`));
  });

  it.each([
    [{ tier: 2, likely: true } as const, 'Tier 2 (likely: setting not yet known)'],
    [{ tier: 1, likely: false } as const, 'Tier 1'],
    [{ tier: 3, likely: false } as const, 'Tier 3'],
  ])('tierLabel(%j) = %s', (tier, label) => {
    expect(tierLabel(tier)).toBe(label);
  });

  it('a program with no known setting gets a likely tier, never "unassigned"', () => {
    expect(tierLabel(programTier(makeProgram({ seq: 1 })))).toMatch(/^Tier [123] \(likely: setting not yet known\)$/);
    expect(tierLabel(programTier(makeProgram({ seq: 1, setting: 'community' })))).toBe('Tier 3');
  });

  it.each([
    [
      'every route',
      { siblings: [programId(1, 'ir-integrated')], irIndependent: 'yes', esir: true },
      'IR–Integrated, IR–Independent and ESIR',
    ],
    ['two routes', { siblings: [programId(1, 'ir-integrated')], esir: true }, 'IR–Integrated and ESIR'],
    ['one route', { irIndependent: 'yes' }, 'IR–Independent'],
    ['none', {}, ''],
  ] as const)('irRoutesText: %s', (_name, spec, text) => {
    expect(irRoutesText(makeProgram({ seq: 1, ...spec }))).toBe(text);
  });

  it('words every IR pathway rating', () => {
    expect(Object.keys(IR_PATHWAY_WORDS).sort()).toEqual(['limited', 'moderate', 'strong']);
    for (const w of Object.values(IR_PATHWAY_WORDS)) expect(w.name).toMatch(/^IR pathway: /);
  });
});

describe('plan and portfolio facts lead with the central figure', () => {
  const e = evaluate(drMedianProfile(), makePrograms(120, { j1: true }), CTX);
  const plan = e.summary.plans[0];

  it('gives ranges in words, apart from the figure', () => {
    if (!plan) throw new Error('no plan');
    const facts = planFacts(plan).recommended;
    const expected = facts.find((f) => f.term === 'Expected interviews');
    expect(expected?.detail).toBe(formatCount(plan.atRecommended.expected.central));
    expect(expected?.range).toBe(formatPlausible(plan.atRecommended.expected, formatCount));
    const chance = facts.find((f) => f.term.startsWith('Chance of at least'));
    expect(chance?.detail).toBe(formatPct(plan.atRecommended.atLeast.central));
    expect(chance?.range).toMatch(/^plausible from \d+% to \d+%$/);
  });

  it('puts the chance to match first among the list facts', () => {
    const facts = portfolioFacts(e.summary.recommended.portfolio, e.summary.recommended.fees);
    expect(facts[0]).toEqual({
      term: 'Chance to match',
      detail: formatPct(e.summary.recommended.portfolio.matchChance.central),
      range: formatPlausible(e.summary.recommended.portfolio.matchChance),
    });
  });
});

describe('the plan names its programs', () => {
  const sibling = programId(1, 'ir-integrated', 0);
  const programs = [
    makeProgram({ seq: 1, j1: true, siblings: [sibling], esir: true }),
    makeProgram({ seq: 2, j1: true, area: 1 }),
    makeProgram({ seq: 3, area: 2 }),
    makeProgram({ seq: 4, j1: false, area: 3 }),
    ...makePrograms(60, { j1: true }, 10),
    makeProgram({ seq: 1, track: 'ir-integrated', j1: true, siblings: [programId(1)] }),
  ];
  const profile = drMedianProfile({ states: ['IL'] });
  const e = evaluate(profile, programs, CTX);
  const byId = new Map(e.programs.map((x) => [x.programId, x]));
  const plan = e.summary.plans[0];
  if (!plan) throw new Error('no plan');
  const rows = planProgramRows(plan, byId, profile.visa, MODEL);

  it('lists the recommended programs in plan order, with place, chance, band, tier and IR pathway', () => {
    expect(rows.map((x) => x.id)).toEqual(plan.programIds);
    expect(rows.length).toBe(plan.recommendedCount);
    for (const row of rows) {
      const res = byId.get(row.id);
      if (!res) throw new Error(row.id);
      expect(row.name).toBe(res.program.name);
      expect(row.place).toBe(`${res.program.city}, ${res.program.state}`);
      expect(row.chance).toBe(formatPct(res.chance.central));
      expect(row.range).toBe(formatPlausible(res.chance));
      expect(row.band).toBe(res.band);
      expect(row.tier).toBe(tierLabel(res.tier));
      expect(row.irPathway).toBe(res.irPathway);
      expect(row.reason).toMatch(/^A (strong|realistic) chance per application \(\d+%|^A long shot \(\d+%/);
      expect(row.reason).toContain(`(${formatEstimate(res.chance)})`);
      expect(row.reason.endsWith('.')).toBe(true);
    }
  });

  it('never names an excluded program', () => {
    expect(rows.some((x) => x.id === programId(4, 'dr', 3))).toBe(false);
  });

  it('says why: the visa, the preferred area, IR training at the institution', () => {
    const reason = (id: string) => {
      const res = byId.get(id);
      if (!res) throw new Error(id);
      return planReason(res, profile.visa, MODEL);
    };
    expect(reason(programId(1))).toContain('sponsors the J-1, by its own statement');
    expect(reason(programId(1))).toContain('IR training at the institution (IR–Integrated and ESIR)');
    expect(reason(programId(2, 'dr', 1))).toContain('in your preferred area');
    expect(reason(programId(2, 'dr', 1))).not.toContain('IR training');
    expect(reason(programId(3, 'dr', 2))).toMatch(/J-1 not yet confirmed \(counted as 73%\): ask them/);
  });

  it('leaves the visa out when none is needed, and says when the user confirmed it', () => {
    const res = byId.get(programId(3, 'dr', 2));
    if (!res) throw new Error('missing');
    const none = evaluate(drMedianProfile({ visa: 'none' }), [res.program], CTX).programs[0];
    if (!none) throw new Error('missing');
    expect(planReason(none, 'none', MODEL)).not.toMatch(/J-1|H-1B/);
    const verified = applyVerifications(res.program, [
      { programId: res.programId, fact: 'j1', value: true, date: TODAY, how: 'email from the coordinator' },
    ]);
    const after = evaluate(profile, [verified], CTX).programs[0];
    if (!after) throw new Error('missing');
    expect(planReason(after, 'j1', MODEL)).toContain('you confirmed it sponsors the J-1');
  });
});

describe('ask these programs first', () => {
  const programs = [
    ...makePrograms(30, { j1: true }, 1),
    ...makePrograms(8, {}, 40),
    makeProgram({ seq: 60, visaScope: 'institution', j1: true }),
  ];
  const e = evaluate(drMedianProfile(), programs, CTX);
  const byId = new Map(e.programs.map((x) => [x.programId, x]));
  const rows = askFirstRows(e.summary.askFirst, byId);

  it('keeps the engine order, with the chance now and if they say yes', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((x) => x.id)).toEqual(e.summary.askFirst.map((a) => a.programId));
    e.summary.askFirst.forEach((a, i) => {
      const row = rows[i];
      expect(row?.now).toBe(formatPct(a.chanceNow));
      expect(row?.ifYes).toBe(formatPct(a.chanceIfYes));
      expect(row?.inPlan).toBe(a.inPlan);
      expect(row?.questions).toEqual(a.questions);
      expect(row?.where).toMatch(/^DR · Testville, [A-Z]{2}$/);
    });
  });

  it('writes an email naming the program and asking every question', () => {
    for (const row of rows) {
      expect(row.email.subject).toContain(row.name);
      expect(row.email.body).toContain(row.name);
      for (const q of row.questions) expect(row.email.body).toContain(q);
    }
  });
});

describe('askEmail', () => {
  const program = { name: 'Example Medical Center', track: 'dr' as const };

  it('is short and polite, to the coordinator, with a place for the name and AAMC ID', () => {
    const m = askEmail(program, ['Does your program sponsor the J-1 visa (through ECFMG) for residents?']);
    expect(m.subject).toBe(
      'Visa question from an international applicant: Diagnostic Radiology residency, Example Medical Center',
    );
    expect(m.body.startsWith('Dear Program Coordinator,')).toBe(true);
    expect(m.body).toContain('\n\nDoes your program sponsor the J-1 visa (through ECFMG) for residents?\n\n');
    expect(m.body).toMatch(
      /Thank you for your time\.\n\nKind regards,\n\[Your name\]\n\[Your AAMC ID, if you have one\]$/,
    );
    expect(m.body.length).toBeLessThan(600);
  });

  it('numbers several questions, in order', () => {
    const m = askEmail({ name: 'X', track: 'ir-integrated' }, ['First?', 'Second?']);
    expect(m.subject).toContain('IR–Integrated residency, X');
    expect(m.body).toContain('\n\n1. First?\n2. Second?\n\n');
  });
});
