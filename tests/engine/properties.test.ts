import fc from 'fast-check';
import { eligibilityFor } from '../../src/engine/plan/eligibility';
import { evaluate } from '../../src/engine/plan/evaluate';
import type { ImgRecent, IrIndependentPresence, Program, Setting } from '../../src/engine/data/program';
import { mixedSigmoid } from '../../src/engine/model/latent';
import type { Profile } from '../../src/engine/profile/profile';
import { summarizePortfolio } from '../../src/engine/model/portfolio';
import { CTX, makeProgram, type ProgramSpec } from './fixtures';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant('unknown' as const), arb);

const programArb: fc.Arbitrary<Program> = fc
  .record({
    seq: fc.integer({ min: 1, max: 99999 }),
    track: fc.constantFrom('dr', 'ir-integrated') as fc.Arbitrary<'dr' | 'ir-integrated'>,
    area: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>,
    j1: maybe(fc.boolean()),
    h1b: maybe(fc.boolean()),
    maxYears: maybe(fc.oneof(fc.constant('none' as const), fc.integer({ min: 0, max: 15 }))),
    step2Min: maybe(fc.oneof(fc.constant('none' as const), fc.integer({ min: 200, max: 260 }))),
    attempts: maybe(
      fc.constantFrom('first-attempt-only', 'one-failure-considered', 'no-stated-limit') as fc.Arbitrary<
        'first-attempt-only' | 'one-failure-considered' | 'no-stated-limit'
      >,
    ),
    usce: maybe(
      fc.constantFrom('required', 'preferred', 'not-required') as fc.Arbitrary<
        'required' | 'preferred' | 'not-required'
      >,
    ),
    imgShare: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
    positions: maybe(fc.integer({ min: 1, max: 20 })),
    totalResidents: maybe(fc.integer({ min: 1, max: 80 })),
    setting: maybe(
      fc.constantFrom('university', 'community-university-affiliated', 'community') as fc.Arbitrary<Setting>,
    ),
    imgRecent: maybe(fc.constantFrom('yes', 'rarely', 'no') as fc.Arbitrary<ImgRecent>),
    imgConsidered: maybe(fc.boolean()),
    esir: maybe(fc.boolean()),
    visaScope: fc.constantFrom('program', 'institution') as fc.Arbitrary<'program' | 'institution'>,
    irIndependent: fc.constantFrom('yes', 'possible', 'no') as fc.Arbitrary<IrIndependentPresence>,
    h1bFilings: fc.nat(3),
  } satisfies { [K in keyof Required<ProgramSpec>]?: fc.Arbitrary<unknown> })
  .map((spec) => makeProgram(spec));

const profileArb: fc.Arbitrary<Profile> = fc
  .record({
    step1: fc.constantFrom('passed-first-attempt', 'passed-after-failure', 'not-taken') as fc.Arbitrary<
      Profile['step1']
    >,
    score: fc.oneof(fc.constant('not-taken' as const), fc.integer({ min: 180, max: 290 })),
    attempts: fc.integer({ min: 1, max: 3 }),
    step3: fc.constantFrom('passed', 'will-pass-before-ranking', 'no') as fc.Arbitrary<Profile['step3']>,
    graduationYear: fc.oneof(fc.constant(null), fc.integer({ min: 2005, max: 2027 })),
    visa: fc.constantFrom('j1', 'h1b', 'either', 'none') as fc.Arbitrary<Profile['visa']>,
    months: fc.tuple(fc.nat(8), fc.nat(4), fc.nat(6), fc.nat(12)),
    letters: fc.tuple(fc.nat(3), fc.nat(3), fc.nat(2)),
    research: fc.tuple(fc.nat(8), fc.nat(8), fc.nat(10)),
    honours: fc.nat(5),
    tracks: fc.constantFrom(['dr'], ['ir-integrated'], ['ir-integrated', 'dr']) as fc.Arbitrary<Profile['tracks']>,
  })
  .map((r): Profile => ({
    step1: r.step1,
    step2: { score: r.score, attempts: r.attempts },
    step3: r.step3,
    ecfmg: 'pending',
    graduationYear: r.graduationYear,
    visa: r.visa,
    usExperience: { handsOn: r.months[0], externship: r.months[1], observership: r.months[2], research: r.months[3] },
    letters: { ir: r.letters[0], dr: r.letters[1], otherCore: r.letters[2] },
    research: { irPublications: r.research[0], otherPublications: r.research[1], abstracts: r.research[2] },
    honours: r.honours,
    tracks: r.tracks,
    regions: [],
    states: [],
  }));

const programsArb = fc.uniqueArray(programArb, { minLength: 1, maxLength: 25, selector: (p) => p.id });

// One step better in each applicant field (counts up by one, a later graduation year, Step 3 passed).
const BETTER: readonly [string, (p: Profile) => Profile][] = [
  ['hands-on months', (p) => ({ ...p, usExperience: { ...p.usExperience, handsOn: p.usExperience.handsOn + 1 } })],
  [
    'externship months',
    (p) => ({ ...p, usExperience: { ...p.usExperience, externship: p.usExperience.externship + 1 } }),
  ],
  [
    'observership months',
    (p) => ({ ...p, usExperience: { ...p.usExperience, observership: p.usExperience.observership + 1 } }),
  ],
  ['US research months', (p) => ({ ...p, usExperience: { ...p.usExperience, research: p.usExperience.research + 1 } })],
  ['IR letters', (p) => ({ ...p, letters: { ...p.letters, ir: p.letters.ir + 1 } })],
  ['DR letters', (p) => ({ ...p, letters: { ...p.letters, dr: p.letters.dr + 1 } })],
  ['other letters', (p) => ({ ...p, letters: { ...p.letters, otherCore: p.letters.otherCore + 1 } })],
  ['IR publications', (p) => ({ ...p, research: { ...p.research, irPublications: p.research.irPublications + 1 } })],
  [
    'other publications',
    (p) => ({ ...p, research: { ...p.research, otherPublications: p.research.otherPublications + 1 } }),
  ],
  ['abstracts', (p) => ({ ...p, research: { ...p.research, abstracts: p.research.abstracts + 1 } })],
  ['honours', (p) => ({ ...p, honours: p.honours + 1 })],
  [
    'a more recent graduation',
    (p) => ({ ...p, graduationYear: p.graduationYear === null ? null : Math.min(2027, p.graduationYear + 1) }),
  ],
  ['Step 3 passed', (p) => ({ ...p, step3: 'passed' })],
  [
    'one Step 2 CK attempt fewer',
    (p) => ({ ...p, step2: { ...p.step2, attempts: Math.max(1, p.step2.attempts - 1) } }),
  ],
];

describe('engine properties', () => {
  it.each(BETTER)(
    'one step better in %s never lowers any program chance (with program terms and the shared shift)',
    (_, better) => {
      fc.assert(
        fc.property(profileArb, programsArb, (profile, programs) => {
          const before = evaluate(profile, programs, CTX).programs;
          const after = evaluate(better(profile), programs, CTX).programs;
          before.forEach((r, i) => {
            expect(after[i]?.chance.central ?? 0).toBeGreaterThanOrEqual(r.chance.central - 1e-12);
          });
        }),
        { numRuns: 40 },
      );
    },
  );

  it('a higher Step 2 CK never lowers any program chance', () => {
    fc.assert(
      fc.property(
        profileArb,
        programsArb,
        fc.integer({ min: 180, max: 289 }),
        fc.integer({ min: 1, max: 30 }),
        (profile, programs, score, up) => {
          const lower = evaluate({ ...profile, step2: { ...profile.step2, score } }, programs, CTX);
          const higher = evaluate(
            { ...profile, step2: { ...profile.step2, score: Math.min(300, score + up) } },
            programs,
            CTX,
          );
          lower.programs.forEach((r, i) => {
            const h = higher.programs[i];
            expect(h?.chance.low).toBeGreaterThanOrEqual(r.chance.low);
            expect(h?.chance.central).toBeGreaterThanOrEqual(r.chance.central);
            expect(h?.chance.high).toBeGreaterThanOrEqual(r.chance.high);
          });
        },
      ),
    );
  });

  it('a known "no" to the needed visa is never eligible', () => {
    fc.assert(
      fc.property(profileArb, programArb, (profile, program) => {
        const e = eligibilityFor(profile, program, CTX);
        const j1No = program.facts.j1.value === false;
        const h1bNo = program.facts.h1b.value === false;
        const knownNo =
          (profile.visa === 'j1' && j1No) ||
          (profile.visa === 'h1b' && h1bNo) ||
          (profile.visa === 'either' && j1No && h1bNo);
        if (knownNo) {
          expect(e.status).toBe('ineligible');
          expect(e.factor).toBe(0);
        }
        if (e.status === 'ineligible') expect(e.factor).toBe(0);
      }),
    );
  });

  it('contributions add up exactly to the central log-odds, and the chance follows from them', () => {
    fc.assert(
      fc.property(profileArb, programsArb, (profile, programs) => {
        for (const r of evaluate(profile, programs, CTX).programs) {
          const sum = r.explanation.contributions.reduce((s, c) => s + c.value, 0);
          expect(sum).toBe(r.explanation.logOdds);
          const mixed = mixedSigmoid(r.explanation.logOdds, CTX.model.params['latent.sigma'].value);
          expect(r.chance.central).toBeCloseTo(r.explanation.factor * mixed, 12);
        }
      }),
    );
  });

  it('every range is ordered low ≤ central ≤ high', () => {
    fc.assert(
      fc.property(profileArb, programsArb, (profile, programs) => {
        const e = evaluate(profile, programs, CTX);
        const ranges = [
          ...e.programs.flatMap((r) => [r.chance, r.logOdds]),
          e.summary.recommended.portfolio.expected,
          e.summary.recommended.portfolio.matchChance,
          ...e.summary.recommended.portfolio.atLeast.map((a) => a.chance),
        ];
        for (const r of ranges) {
          expect(r.low).toBeLessThanOrEqual(r.central);
          expect(r.central).toBeLessThanOrEqual(r.high);
        }
      }),
    );
  });

  it('adding a program to a list never lowers P(at least k) or the match chance', () => {
    fc.assert(
      fc.property(profileArb, programsArb, programArb, (profile, programs, extra) => {
        fc.pre(!programs.some((p) => p.id === extra.id));
        const chances = evaluate(profile, [...programs, extra], CTX).programs.map((r) => r.odds);
        const before = summarizePortfolio(chances.slice(0, -1), CTX.model);
        const after = summarizePortfolio(chances, CTX.model);
        before.atLeast.forEach((a, i) => {
          const b = after.atLeast[i]?.chance;
          expect(b?.central).toBeGreaterThanOrEqual(a.chance.central - 1e-12);
          expect(b?.low).toBeGreaterThanOrEqual(a.chance.low - 1e-12);
          expect(b?.high).toBeGreaterThanOrEqual(a.chance.high - 1e-12);
        });
        expect(after.matchChance.central).toBeGreaterThanOrEqual(before.matchChance.central - 1e-12);
      }),
    );
  });

  it('the same input gives the same output', () => {
    fc.assert(
      fc.property(profileArb, programsArb, (profile, programs) => {
        expect(evaluate(profile, programs, CTX)).toEqual(
          evaluate(structuredClone(profile), structuredClone(programs), CTX),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('does not change its inputs', () => {
    fc.assert(
      fc.property(profileArb, programsArb, (profile, programs) => {
        const snapshot = structuredClone({ profile, programs });
        evaluate(profile, programs, { ...CTX, verifications: [] });
        expect({ profile, programs }).toEqual(snapshot);
      }),
      { numRuns: 30 },
    );
  });

  it('a sourced "yes" for the applicant\'s visa never lowers a program\'s chance', () => {
    fc.assert(
      fc.property(profileArb, programArb, (profile, program) => {
        fc.pre(profile.visa === 'j1' || profile.visa === 'h1b');
        const visa = profile.visa as 'j1' | 'h1b';
        const before = evaluate(profile, [program], CTX).programs[0];
        const yes = {
          ...program,
          facts: { ...program.facts, [visa]: { value: true, source: 'test', scope: 'program' } },
        };
        const after = evaluate(profile, [yes], CTX).programs[0];
        expect(after?.chance.central).toBeGreaterThanOrEqual((before?.chance.central ?? 0) - 1e-12);
      }),
    );
  });

  it('every recommended program is eligible or uncertain, never excluded, and every number is finite', () => {
    fc.assert(
      fc.property(profileArb, programsArb, (profile, programs) => {
        const e = evaluate(profile, programs, CTX);
        const status = new Map(e.programs.map((r) => [r.programId, r.status]));
        for (const id of e.summary.recommended.programIds) expect(status.get(id)).not.toBe('ineligible');
        const p = e.summary.recommended.portfolio;
        const numbers = [
          ...e.programs.flatMap((r) => [r.chance.low, r.chance.central, r.chance.high, r.odds.factor.central]),
          p.expected.low,
          p.expected.central,
          p.expected.high,
          p.matchChance.low,
          p.matchChance.high,
          ...e.summary.askFirst.flatMap((a) => [a.chanceNow, a.chanceIfYes]),
        ];
        for (const n of numbers) expect(Number.isFinite(n)).toBe(true);
        for (const a of e.summary.askFirst) expect(a.chanceIfYes).toBeGreaterThanOrEqual(a.chanceNow);
      }),
    );
  });
});
