import { decodeCompactPrograms } from '../../src/engine/data/dataset';
import { evaluate } from '../../src/engine/plan/evaluate';
import { defaultProfileForm } from '../../src/engine/planner/profile-form';
import type { SharePayload } from '../../src/engine/share/share';
import {
  compareLists,
  differingFromMine,
  factWords,
  formatChance,
  formatPercent,
  markupNotice,
  profileToScore,
  resolveShare,
  resultWords,
} from '../../src/engine/share/share-view';
import type { VerificationEntry } from '../../src/engine/planner/verification';
import compact from '../../src/generated/programs.min.json';
import { CTX } from './fixtures';

const PROGRAMS = decodeCompactPrograms(compact);
const KNOWN = new Set(PROGRAMS.map((p) => p.id));
const [P1 = '', P2 = '', P3 = ''] = PROGRAMS.map((p) => p.id);
const entry = (id: string, note = '') => ({ id, note, unhappy: false });
const fact = (programId: string, value: boolean, date = '2026-10-01'): VerificationEntry => ({
  programId,
  fact: 'j1',
  value,
  date,
  how: 'email',
});

describe('resolveShare: unknown program IDs', () => {
  it('keeps the known programs in order and names the unknown ones', () => {
    const payload: SharePayload = {
      list: [entry(P1), entry('4209999999'), entry(P2), entry('4169999998')],
      verifications: [fact(P1, true), fact('4209999997', false)],
      form: null,
    };
    const r = resolveShare(payload, KNOWN);
    expect(r.list.map((e) => e.id)).toEqual([P1, P2]);
    expect(r.verifications).toEqual([fact(P1, true)]);
    expect(r.unknownIds).toEqual(['4209999999', '4169999998', '4209999997']);
    expect(r.notice).toBe(
      '3 programs in this link are not in our program list (perhaps closed, renumbered, or mistyped), so they are left out: 4209999999, 4169999998, 4209999997. Everything else is shown.',
    );
  });

  it('says it in the singular for one, and nothing when all are known', () => {
    expect(resolveShare({ list: [entry('4209999999')], verifications: [], form: null }, KNOWN).notice).toBe(
      'One program in this link is not in our program list (perhaps closed, renumbered, or mistyped), so it is left out: 4209999999. Everything else is shown.',
    );
    expect(resolveShare({ list: [entry(P1)], verifications: [], form: null }, KNOWN).notice).toBeNull();
  });
});

describe('compareLists', () => {
  it('splits into in both (their order), only theirs, only mine (my order)', () => {
    expect(compareLists([entry(P3), entry(P1)], [entry(P1), entry(P2)])).toEqual({
      both: [P1],
      onlyTheirs: [P2],
      onlyMine: [P3],
    });
    expect(compareLists([], [])).toEqual({ both: [], onlyTheirs: [], onlyMine: [] });
  });
});

describe('profileToScore', () => {
  it('is null for no form, the blank default form, or an invalid one', () => {
    expect(profileToScore(null)).toBeNull();
    expect(profileToScore(defaultProfileForm())).toBeNull();
    expect(profileToScore({ ...defaultProfileForm(), step2Score: 'lots' })).toBeNull();
  });
  it('gives the profile of a filled-in form', () => {
    expect(profileToScore({ ...defaultProfileForm(), step2Score: '250' })?.step2.score).toBe(250);
  });
});

describe('words', () => {
  it.each([
    [0, '0%'],
    [0.0004, 'under 0.1%'],
    [0.0081, '0.8%'],
    [0.05, '5%'],
    [0.123, '12%'],
  ])('formatPercent(%s) = %s', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });

  it('formats a chance range', () => {
    expect(formatChance({ low: 0.02, central: 0.051, high: 0.09 })).toBe('2% to 9% per application (about 5.1%)');
  });

  it('puts an evaluation in words', () => {
    const profile = profileToScore({ ...defaultProfileForm(), step2Score: '255', graduationYear: '2022' });
    if (!profile) throw new Error('profile');
    const [result] = evaluate(profile, PROGRAMS.slice(0, 1), CTX).programs;
    if (!result) throw new Error('result');
    const w = resultWords(result);
    expect(['Eligible', 'Uncertain: ask the program', 'Not eligible']).toContain(w.eligibility);
    expect(['Reach', 'Target', 'Likely', 'Excluded']).toContain(w.band);
    expect(w.chance).toMatch(/per application \(about/);
  });

  it('puts a verified fact in words', () => {
    expect(factWords(fact(P1, true, '2026-09-30'))).toEqual({
      label: 'J-1 visa (ECFMG)',
      answer: 'Yes, sponsors',
      source: 'verified on 2026-09-30 (email)',
    });
    expect(
      factWords({ programId: P1, fact: 'step2Minimum', value: 'none', date: '2026-01-01', how: 'FREIDA' }).answer,
    ).toBe('No minimum');
  });

  it('finds my answers that differ from a shared one', () => {
    const theirs = [fact(P1, true), fact(P2, true)];
    const mine = [fact(P1, false, '2026-01-01'), fact(P2, true, '2026-01-01')];
    const d = differingFromMine(theirs, mine);
    expect([...d.entries()]).toEqual([[theirs[0], [mine[0]]]]);
  });
});

describe('markupNotice', () => {
  const withNote = (note: string): SharePayload => ({ list: [entry(P1, note)], verifications: [], form: null });
  it.each([
    ['<script>alert(1)</script>', true],
    ['<img src=x onerror=alert(1)>', true],
    ['</b>', true],
    ['javascript:alert(1)', true],
    ['&lt;b&gt;', true],
    ['Step 2 < 240 is screened out; > 250 is safe', false],
    ['J-1 yes & H-1B no', false],
    ['', false],
  ])('%s → %s', (note, flagged) => {
    expect(markupNotice(withNote(note)) !== null).toBe(flagged);
  });
  it('checks the "how" of verified facts too', () => {
    expect(
      markupNotice({ list: [], verifications: [{ ...fact(P1, true), how: '<iframe src=//x>' }], form: null }),
    ).toBe(
      'Some notes in this link contain text that looks like web code (such as <script>). It is shown exactly as written, as plain text, and never run.',
    );
  });
});
