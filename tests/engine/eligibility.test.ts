import { eligibilityFor, type EligibilityStatus } from '../../src/engine/plan/eligibility';
import type { Profile } from '../../src/engine/profile/profile';
import {
  applyVerifications,
  verificationEntrySchema,
  type VerificationEntry,
} from '../../src/engine/planner/verification';
import { CTX, drMedianProfile, makeProgram, type ProgramSpec } from './fixtures';

type Case = [string, Partial<Profile>, Omit<ProgramSpec, 'seq'>, EligibilityStatus, number, string[]];

// [case, profile changes, program facts, status, factor, reason facts]
const cases: Case[] = [
  ['J-1 needed, program sponsors J-1', {}, { j1: true }, 'eligible', 1, []],
  ['J-1 needed, program says no', {}, { j1: false, h1b: true }, 'ineligible', 0, ['j1']],
  ['J-1 needed, unknown', {}, {}, 'uncertain', 0.731, ['j1']],
  ['H-1B needed with Step 3 passed, sponsors H-1B', { visa: 'h1b', step3: 'passed' }, { h1b: true }, 'eligible', 1, []],
  [
    'H-1B needed, program says no',
    { visa: 'h1b', step3: 'passed' },
    { j1: true, h1b: false },
    'ineligible',
    0,
    ['h1b'],
  ],
  ['H-1B needed, unknown', { visa: 'h1b', step3: 'passed' }, {}, 'uncertain', 0.232, ['h1b']],
  ['H-1B without Step 3 is flagged', { visa: 'h1b', step3: 'no' }, { h1b: true }, 'uncertain', 1, ['step3']],
  [
    'H-1B with Step 3 planned before ranking',
    { visa: 'h1b', step3: 'will-pass-before-ranking' },
    { h1b: true },
    'eligible',
    1,
    [],
  ],
  ['either: both no excludes', { visa: 'either' }, { j1: false, h1b: false }, 'ineligible', 0, ['j1']],
  [
    'either: J-1 no, H-1B yes, Step 3 passed',
    { visa: 'either', step3: 'passed' },
    { j1: false, h1b: true },
    'eligible',
    1,
    [],
  ],
  ['either: J-1 no, H-1B yes, no Step 3 plan', { visa: 'either' }, { j1: false, h1b: true }, 'uncertain', 1, ['step3']],
  ['either: J-1 yes, H-1B no', { visa: 'either' }, { j1: true, h1b: false }, 'eligible', 1, []],
  ['either: J-1 no, H-1B unknown', { visa: 'either', step3: 'passed' }, { j1: false }, 'uncertain', 0.232, ['h1b']],
  ['either: J-1 unknown, H-1B no', { visa: 'either' }, { h1b: false }, 'uncertain', 0.731, ['j1']],
  ['either: both unknown', { visa: 'either' }, {}, 'uncertain', 0.731, ['j1']],
  ['no visa needed: visa "no" does not matter', { visa: 'none' }, { j1: false, h1b: false }, 'eligible', 1, []],
  ['graduated 3 years ago, cutoff 5', {}, { j1: true, maxYears: 5 }, 'eligible', 1, []],
  ['graduated 3 years ago, cutoff 2', {}, { j1: true, maxYears: 2 }, 'ineligible', 0, ['maxYearsSinceGraduation']],
  ['graduated 3 years ago, cutoff exactly 3', {}, { j1: true, maxYears: 3 }, 'eligible', 1, []],
  ['graduated 9 years ago, no cutoff', { graduationYear: 2017 }, { j1: true, maxYears: 'none' }, 'eligible', 1, []],
  [
    'graduated 9 years ago, cutoff unknown',
    { graduationYear: 2017 },
    { j1: true },
    'uncertain',
    1,
    ['maxYearsSinceGraduation'],
  ],
  ['graduated 5 years ago, cutoff unknown: no question', { graduationYear: 2021 }, { j1: true }, 'eligible', 1, []],
  [
    'graduation year not entered, cutoff known',
    { graduationYear: null },
    { j1: true, maxYears: 3 },
    'uncertain',
    1,
    ['graduationYear'],
  ],
  ['Step 2 CK 250, minimum 240', {}, { j1: true, step2Min: 240 }, 'eligible', 1, []],
  ['Step 2 CK 250, minimum 250', {}, { j1: true, step2Min: 250 }, 'eligible', 1, []],
  ['Step 2 CK 250, minimum 255', {}, { j1: true, step2Min: 255 }, 'ineligible', 0, ['step2Minimum']],
  [
    'Step 2 CK not taken, minimum 230',
    { step2: { score: 'not-taken', attempts: 1 }, ecfmg: 'pending' },
    { j1: true, step2Min: 230 },
    'uncertain',
    1,
    ['step2Minimum'],
  ],
  [
    'Step 1 failure, first attempt only',
    { step1: 'passed-after-failure' },
    { j1: true, attempts: 'first-attempt-only' },
    'ineligible',
    0,
    ['attempts'],
  ],
  [
    'Step 1 failure, one failure considered',
    { step1: 'passed-after-failure' },
    { j1: true, attempts: 'one-failure-considered' },
    'eligible',
    1,
    [],
  ],
  [
    'two failures, one failure considered',
    { step1: 'passed-after-failure', step2: { score: 240, attempts: 2 } },
    { j1: true, attempts: 'one-failure-considered' },
    'ineligible',
    0,
    ['attempts'],
  ],
  [
    'Step 2 CK failure, policy unknown',
    { step2: { score: 240, attempts: 2 } },
    { j1: true },
    'uncertain',
    1,
    ['attempts'],
  ],
  ['first attempts, first attempt only', {}, { j1: true, attempts: 'first-attempt-only' }, 'eligible', 1, []],
  [
    'USCE required, none',
    { usExperience: { handsOn: 0, externship: 0, observership: 0, research: 6 } },
    { j1: true, usce: 'required' },
    'ineligible',
    0,
    ['usce'],
  ],
  [
    'USCE required, observership only',
    { usExperience: { handsOn: 0, externship: 0, observership: 2, research: 0 } },
    { j1: true, usce: 'required' },
    'uncertain',
    1,
    ['usce'],
  ],
  ['USCE required, hands-on', {}, { j1: true, usce: 'required' }, 'eligible', 1, []],
  [
    'several unknowns collect every question',
    { graduationYear: 2015, step1: 'passed-after-failure' },
    {},
    'uncertain',
    0.731,
    ['j1', 'maxYearsSinceGraduation', 'attempts'],
  ],
  [
    'an excluding fact wins over unknowns, listed first',
    { graduationYear: 2015 },
    { maxYears: 3 },
    'ineligible',
    0,
    ['maxYearsSinceGraduation', 'j1'],
  ],
];

describe('eligibilityFor', () => {
  it.each(cases)('%s', (_, changes, spec, status, factor, facts) => {
    const e = eligibilityFor(drMedianProfile(changes), makeProgram({ seq: 1, ...spec }), CTX);
    expect(e.status).toBe(status);
    expect(e.factor).toBeCloseTo(factor, 10);
    expect(e.reasons.map((r) => r.fact)).toEqual(facts);
  });

  it('an unknown visa carries the national share and the exact question', () => {
    const e = eligibilityFor(drMedianProfile(), makeProgram({ seq: 1 }), CTX);
    expect(e.reasons[0]).toMatchObject({
      effect: 'uncertain',
      nationalShare: 0.731,
      question: 'Does your program sponsor the J-1 visa (through ECFMG) for residents?',
    });
    expect(e.reasons[0]?.message).toContain('the share of DR programs that sponsor it (73.1%, 2023 survey)');
    expect(e.questions).toEqual(['Does your program sponsor the J-1 visa (through ECFMG) for residents?']);
  });

  it.each([
    ['a program-stated yes', { j1: true }, 'dr', [1, 1, 1]],
    ['an institution-stated yes', { j1: true, visaScope: 'institution' }, 'dr', [0.8, 0.9, 0.97]],
    ['case by case at the institution', { j1Status: 'case-by-case' }, 'dr', [0.731, 0.85, 0.95]],
    ['sources that disagree (the national prior)', { j1Status: 'disagree' }, 'dr', [0.731, 0.731, 0.731]],
    ['plain unknown', {}, 'dr', [0.731, 0.731, 0.731]],
    ['plain unknown at an IR–Integrated program (borrowed, wider)', {}, 'ir-integrated', [0.611, 0.731, 0.851]],
  ] as const)('J-1 factor for %s', (_, spec, track, [low, central, high]) => {
    const e = eligibilityFor(drMedianProfile(), makeProgram({ seq: 1, track, ...spec }), CTX);
    expect(e.factorRange.low).toBeCloseTo(low, 10);
    expect(e.factorRange.central).toBeCloseTo(central, 10);
    expect(e.factorRange.high).toBeCloseTo(high, 10);
    expect(e.factor).toBe(e.factorRange.central);
  });

  it('an H-1B filing with the US DOL raises the H-1B prior, and an institution-stated no excludes', () => {
    const h1b = drMedianProfile({ visa: 'h1b', step3: 'passed' });
    const filed = eligibilityFor(h1b, makeProgram({ seq: 1, h1bStatus: 'dol-filing', h1bFilings: 1 }), CTX);
    expect(filed.factor).toBeCloseTo(0.8, 10);
    expect(filed.reasons[0]?.priorBasis).toMatch(/US DOL/);
    const plain = eligibilityFor(h1b, makeProgram({ seq: 1 }), CTX);
    expect(plain.factor).toBeCloseTo(0.232, 10);
    const no = eligibilityFor(h1b, makeProgram({ seq: 1, h1b: false, visaScope: 'institution' }), CTX);
    expect(no.status).toBe('ineligible');
  });

  it('a program that does not consider international graduates excludes', () => {
    const e = eligibilityFor(drMedianProfile(), makeProgram({ seq: 1, j1: true, imgConsidered: false }), CTX);
    expect(e.status).toBe('ineligible');
    expect(e.reasons[0]?.message).toMatch(/does not consider graduates of medical schools outside/);
  });

  it('asks about the graduation year in words', () => {
    const e = eligibilityFor(drMedianProfile({ graduationYear: 2017 }), makeProgram({ seq: 1, j1: true }), CTX);
    expect(e.questions).toEqual([
      'Do you consider applicants who graduated from medical school in 2017 (9 years ago)?',
    ]);
  });

  it('uses today from the context, not a clock', () => {
    const program = makeProgram({ seq: 1, j1: true, maxYears: 3 });
    const profile = drMedianProfile({ graduationYear: 2023 });
    expect(eligibilityFor(profile, program, { ...CTX, today: '2026-06-01' }).status).toBe('eligible');
    expect(eligibilityFor(profile, program, { ...CTX, today: '2027-06-01' }).status).toBe('ineligible');
  });

  it('applies the user verification log from the context', () => {
    const program = makeProgram({ seq: 1 });
    const log: VerificationEntry[] = [
      { programId: program.id, fact: 'j1', value: true, date: '2026-10-01', how: 'email from the coordinator' },
    ];
    expect(eligibilityFor(drMedianProfile(), program, CTX).status).toBe('uncertain');
    expect(eligibilityFor(drMedianProfile(), program, { ...CTX, verifications: log }).status).toBe('eligible');
  });
});

describe('applyVerifications', () => {
  const program = makeProgram({ seq: 7, j1: true });
  const entry = (fact: VerificationEntry['fact'], value: unknown, date = '2026-10-01', programId = program.id) =>
    verificationEntrySchema.parse({ programId, fact, value, date, how: 'program website' });

  it.each([
    ['j1', false],
    ['h1b', true],
    ['maxYearsSinceGraduation', 4],
    ['maxYearsSinceGraduation', 'none'],
    ['step2Minimum', 230],
  ] as const)('replaces %s with %j, marked as verified by you', (fact, value) => {
    const out = applyVerifications(program, [entry(fact, value)]);
    expect(out.facts[fact]).toEqual({
      value,
      source: 'verified by you on 2026-10-01 (program website)',
      checkedOn: '2026-10-01',
    });
    expect(program.facts[fact].value).not.toEqual(value);
  });

  it('keeps the latest date for the same fact', () => {
    const out = applyVerifications(program, [entry('j1', false, '2026-10-05'), entry('j1', true, '2026-09-01')]);
    expect(out.facts.j1.value).toBe(false);
  });

  it('returns the same program when no entry concerns it', () => {
    expect(applyVerifications(program, [entry('j1', false, '2026-10-01', '4200500999')])).toBe(program);
  });

  it.each([
    [{ fact: 'j1', value: 'yes' }],
    [{ fact: 'step2Minimum', value: 400 }],
    [{ fact: 'imgShare', value: 0.2 }],
    [{ fact: 'j1', value: true, how: '' }],
    [{ fact: 'j1', value: true, date: '1 Oct 2026' }],
  ])('rejects a malformed entry %j', (bad) => {
    const base = { programId: program.id, date: '2026-10-01', how: 'phone' };
    expect(verificationEntrySchema.safeParse({ ...base, ...bad }).success).toBe(false);
  });
});
