import { checkRankList, rankEntrySchema, type RankEntry, type RankWarningKind } from '../../src/engine/plan/rank-list';
import type { VerificationEntry } from '../../src/engine/planner/verification';
import { CTX, drMedianProfile, makeProgram, programId } from './fixtures';

const ir = makeProgram({ seq: 1, track: 'ir-integrated', j1: true, siblings: [programId(1)] });
const drPathway = makeProgram({ seq: 1, j1: true, siblings: [ir.id] });
const drOther = makeProgram({ seq: 2, j1: true });
const drNoVisa = makeProgram({ seq: 3, j1: false });
const drUnknownVisa = makeProgram({ seq: 4 });
const drCutoff = makeProgram({ seq: 5, j1: true, maxYears: 1 });
const programs = [ir, drPathway, drOther, drNoVisa, drUnknownVisa, drCutoff];

const list = (...ids: (string | [string, true])[]): RankEntry[] =>
  ids.map((x) => (typeof x === 'string' ? { programId: x, unhappy: false } : { programId: x[0], unhappy: true }));

type Case = [string, RankEntry[], [RankWarningKind, number | null][]];

const cases: Case[] = [
  ['the guide order raises nothing', list(ir.id, drPathway.id, drOther.id), []],
  ['IR–Integrated after DR', list(drPathway.id, ir.id), [['ir-after-dr', 2]]],
  ['IR pathway DR after other DR', list(ir.id, drOther.id, drPathway.id), [['ir-pathway-after-other-dr', 3]]],
  ['visa impossible', list(drNoVisa.id), [['visa-impossible', 1]]],
  ['visa uncertain', list(drUnknownVisa.id), [['visa-uncertain', 1]]],
  ['other exclusion', list(drCutoff.id), [['excluded', 1]]],
  ['unhappy', list(ir.id, [drOther.id, true]), [['unhappy', 2]]],
  ['duplicate', list(ir.id, drOther.id, ir.id), [['duplicate', 3]]],
  ['unknown program', list('4209999999'), [['unknown-program', 1]]],
  [
    'several at once, by position',
    list(drOther.id, drNoVisa.id, [ir.id, true], drOther.id),
    [
      ['visa-impossible', 2],
      ['unhappy', 3],
      ['ir-after-dr', 3],
      ['duplicate', 4],
    ],
  ],
];

describe('checkRankList', () => {
  it.each(cases)('%s', (_, entries, expected) => {
    const warnings = checkRankList(entries, programs, drMedianProfile(), CTX);
    expect(warnings.map((w) => [w.kind, w.position])).toEqual(expected);
  });

  it('asks the exact visa question for an unconfirmed visa', () => {
    const [w] = checkRankList(list(drUnknownVisa.id), programs, drMedianProfile(), CTX);
    expect(w?.severity).toBe('warning');
    expect(w?.message).toContain(
      'Confirm in writing before you rank it: "Does your program sponsor the J-1 visa (through ECFMG) for residents?"',
    );
  });

  it('flags H-1B without Step 3 as a visa risk', () => {
    const h = makeProgram({ seq: 9, h1b: true });
    const warnings = checkRankList(list(h.id), [h], drMedianProfile({ visa: 'h1b' }), CTX);
    expect(warnings.map((w) => w.kind)).toEqual(['visa-uncertain']);
    expect(warnings[0]?.message).toMatch(/Step 3/);
  });

  it('uses the verification log', () => {
    const log: VerificationEntry[] = [
      { programId: drUnknownVisa.id, fact: 'j1', value: true, date: '2026-10-01', how: 'email' },
    ];
    expect(checkRankList(list(drUnknownVisa.id), programs, drMedianProfile(), { ...CTX, verifications: log })).toEqual(
      [],
    );
  });

  it('notes the NRMP fee beyond 20 ranks', () => {
    const many = Array.from({ length: 22 }, (_, i) => makeProgram({ seq: 100 + i, j1: true }));
    const warnings = checkRankList(
      many.map((p) => ({ programId: p.id, unhappy: false })),
      many,
      drMedianProfile(),
      CTX,
    );
    expect(warnings).toEqual([
      {
        kind: 'rank-fee',
        severity: 'note',
        position: null,
        programId: null,
        message:
          'Ranking 22 programs costs $60 in NRMP fees for the ranks beyond the first 20 (check the current fee).',
      },
    ]);
  });

  it('parses entries with "unhappy" defaulting to false', () => {
    expect(rankEntrySchema.parse({ programId: ir.id })).toEqual({ programId: ir.id, unhappy: false });
    expect(rankEntrySchema.safeParse({ programId: '123' }).success).toBe(false);
  });
});
