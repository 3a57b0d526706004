import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/plan/evaluate';
import {
  BAND_ORDER,
  bandMeaning,
  bandMoves,
  csvRowsOf,
  defaultResultFilters,
  defaultVerificationForm,
  feeNote,
  formatChance,
  formatCountRange,
  formatDollars,
  formatPct,
  formatPlausible,
  groupResults,
  myListSummary,
  planFacts,
  portfolioFacts,
  rankEntriesOf,
  recommendedNote,
  unknownsToVerify,
  verificationFromForm,
  verificationValueText,
  verifiedFactLines,
  type ResultFilters,
} from '../../src/engine/planner/planner-view';
import { applyVerifications } from '../../src/engine/planner/verification';
import {
  CTX,
  MODEL,
  TODAY,
  drMedianProfile,
  makeProgram,
  makePrograms,
  strengthenIrOnlyPrograms,
  weakProfile,
} from './fixtures';

// 12 DR programs with mixed facts: a J-1 "no" (excluded for a J-1 applicant), J-1 "yes", unknowns;
// 4 IR–Integrated programs; areas 0–3 spread them over four states and regions.
const programs = [
  ...makePrograms(4, { j1: true, imgShare: 0.3 }, 1),
  ...makePrograms(4, {}, 5),
  ...makePrograms(2, { j1: false }, 9),
  ...makePrograms(2, { j1: true, step2Min: 270 }, 11),
  ...makePrograms(4, { track: 'ir-integrated' }, 1),
];
const profile = drMedianProfile({ visa: 'j1' });
const evaluation = evaluate(profile, programs, CTX);
const byId = new Map(evaluation.programs.map((r) => [r.programId, r]));
const filters = (patch: Partial<ResultFilters> = {}): ResultFilters => ({ ...defaultResultFilters(), ...patch });
const flat = (f: ResultFilters, matches: ReadonlySet<string> | null = null) =>
  groupResults(evaluation.programs, f, matches).flatMap((g) => g.ids);

describe('groupResults', () => {
  it('groups by band in BAND_ORDER, leaves out empty bands and sorts by central chance', () => {
    const groups = groupResults(evaluation.programs, filters({ wantedOnly: false }), null);
    const order = groups.map((g) => BAND_ORDER.indexOf(g.band));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(groups.every((g) => g.ids.length > 0)).toBe(true);
    for (const g of groups) {
      const chances = g.ids.map((id) => byId.get(id)?.chance.central ?? NaN);
      expect(chances).toEqual([...chances].sort((a, b) => b - a));
      for (const id of g.ids) expect(byId.get(id)?.band).toBe(g.band);
    }
    expect(groups.reduce((n, g) => n + g.ids.length, 0)).toBe(programs.length);
    expect(groups.at(-1)?.band).toBe('excluded');
  });

  it('keeps only wanted tracks by default', () => {
    const dOnly = evaluate(drMedianProfile({ visa: 'j1', tracks: ['dr'] }), programs, CTX);
    const ids = groupResults(dOnly.programs, filters(), null).flatMap((g) => g.ids);
    expect(ids).toHaveLength(12);
    expect(ids.every((id) => id.startsWith('420'))).toBe(true);
  });

  it('applies each facet', () => {
    const all = filters({ wantedOnly: false });
    expect(flat({ ...all, track: 'ir-integrated' }).every((id) => id.startsWith('416'))).toBe(true);
    expect(flat({ ...all, eligibility: 'ineligible' }).sort()).toEqual(
      evaluation.programs
        .filter((r) => r.status === 'ineligible')
        .map((r) => r.programId)
        .sort(),
    );
    expect(flat({ ...all, band: 'excluded' })).toEqual(flat({ ...all, eligibility: 'ineligible' }));
    const state = programs[0]?.state ?? '';
    expect(flat({ ...all, state }).every((id) => byId.get(id)?.program.state === state)).toBe(true);
    const region = programs[1]?.region ?? '';
    expect(flat({ ...all, region }).every((id) => byId.get(id)?.program.region === region)).toBe(true);
    expect(flat({ ...all, region: 'Nowhere' })).toEqual([]);
  });

  it('uses text matches only when there is a query, and ignores the query while the index loads', () => {
    const all = filters({ wantedOnly: false });
    const one = programs[2]?.id ?? '';
    expect(flat({ ...all, query: 'x' }, new Set([one]))).toEqual([one]);
    expect(flat({ ...all, query: '' }, new Set([one]))).toHaveLength(programs.length);
    expect(flat({ ...all, query: 'x' }, null)).toHaveLength(programs.length);
  });

  it('sorts by name or state within a band', () => {
    const names = groupResults(evaluation.programs, filters({ wantedOnly: false, sort: 'name' }), null).map((g) =>
      g.ids.map((id) => byId.get(id)?.program.name ?? ''),
    );
    for (const n of names) expect(n).toEqual([...n].sort((a, b) => a.localeCompare(b, 'en')));
    const states = groupResults(evaluation.programs, filters({ wantedOnly: false, sort: 'state' }), null).map((g) =>
      g.ids.map((id) => byId.get(id)?.program.state ?? ''),
    );
    for (const s of states) expect(s).toEqual([...s].sort());
  });

  it('keeps only preferred programs when asked', () => {
    const p = drMedianProfile({ visa: 'j1', states: [programs[0]?.state ?? ''] });
    const e = evaluate(p, programs, CTX);
    const ids = groupResults(e.programs, filters({ wantedOnly: false, preferredOnly: true }), null).flatMap(
      (g) => g.ids,
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => e.programs.find((r) => r.programId === id)?.program.state === programs[0]?.state)).toBe(
      true,
    );
  });
});

describe('formatting', () => {
  it('never shows a small chance as 0%', () => {
    expect(formatPct(0)).toBe('0%');
    expect(formatPct(0.004)).toBe('<1%');
    expect(formatPct(0.005)).toBe('1%');
    expect(formatPct(0.126)).toBe('13%');
    expect(formatChance({ low: 0.02, central: 0.05, high: 0.081 })).toBe('5% (2%–8%)');
    expect(formatChance({ low: 0.05, central: 0.05, high: 0.05 })).toBe('5%');
    expect(formatCountRange({ low: 3.06, central: 5, high: 8 })).toBe('5.0 (3.1–8.0)');
  });

  it('states the band thresholds from the model', () => {
    expect(bandMeaning('reach', MODEL)).toMatch(/under 4%/);
    expect(bandMeaning('likely', MODEL)).toMatch(/15% or more/);
    expect(bandMeaning('target', MODEL)).toMatch(/from 4% to under 15%/);
  });
});

describe('myListSummary', () => {
  it('counts eligible and uncertain programs, and lists excluded and unknown ids apart', () => {
    const excluded = programs[8]?.id ?? '';
    const list = [
      { id: programs[0]?.id ?? '', note: '', unhappy: false },
      { id: excluded, note: '', unhappy: false },
      { id: programs[14]?.id ?? '', note: '', unhappy: false },
      { id: '4209999999', note: '', unhappy: false },
    ];
    const s = myListSummary(list, byId, MODEL);
    expect(s.count).toBe(4);
    expect(s.counted).toBe(2);
    expect(s.excludedIds).toEqual([excluded]);
    expect(s.unscoredIds).toEqual(['4209999999']);
    expect(s.perTrack).toEqual({ dr: 1, 'ir-integrated': 1 });
    const expected =
      (byId.get(programs[0]?.id ?? '')?.chance.central ?? 0) + (byId.get(programs[14]?.id ?? '')?.chance.central ?? 0);
    expect(s.portfolio.expected.central).toBeCloseTo(expected, 10);
    expect(s.fees.erasTotal).toBe(22);
    expect(s.fees.total).toBe(s.fees.erasTotal + s.fees.nrmp.fee);
    const facts = portfolioFacts(s.portfolio, s.fees);
    expect(facts.map((f) => f.term)).toEqual(['Chance to match', 'Expected interviews', 'No interview at all', 'Fees']);
    expect(facts[0]).toEqual({
      term: 'Chance to match',
      detail: formatPct(s.portfolio.matchChance.central),
      range: formatPlausible(s.portfolio.matchChance),
    });
    expect(facts[0]?.range).toMatch(/^plausible from \S+ to \S+$/);
    expect(facts[3]).toEqual({ term: 'Fees', detail: '$22' });
  });

  it('is empty for an empty list', () => {
    const s = myListSummary([], byId, MODEL);
    expect(s.counted).toBe(0);
    expect(s.portfolio.expected.central).toBe(0);
    expect(s.fees.total).toBe(0);
  });
});

describe('rank entries and CSV rows', () => {
  const list = [
    { id: programs[3]?.id ?? '', note: 'first, "best"', unhappy: false },
    { id: '4209999999', note: '', unhappy: true },
  ];
  it('keeps order and the unhappy mark', () => {
    expect(rankEntriesOf(list)).toEqual([
      { programId: list[0]?.id, unhappy: false },
      { programId: '4209999999', unhappy: true },
    ]);
  });
  it('fills rows from the results and says when a program is gone', () => {
    const rows = csvRowsOf(list, byId);
    expect(rows[0]).toMatchObject({ rank: 1, id: list[0]?.id, track: 'DR', note: 'first, "best"' });
    expect(rows[0]?.chance).toBe(formatChance(byId.get(list[0]?.id ?? '')?.chance ?? { low: 0, central: 0, high: 0 }));
    expect(rows[1]).toMatchObject({ rank: 2, name: 'Not in the current dataset', band: '' });
  });
});

describe('verificationFromForm', () => {
  const known = (id: string) => programs.some((p) => p.id === id);
  const id = programs[5]?.id ?? '';
  const form = { ...defaultVerificationForm(TODAY), programId: id, how: 'email from the coordinator' };

  it('records a visa answer', () => {
    const r = verificationFromForm({ ...form, value: 'yes' }, known, TODAY);
    expect(r).toEqual({
      ok: true,
      entry: { programId: id, fact: 'j1', value: true, date: TODAY, how: 'email from the coordinator' },
    });
  });

  it('records numbers and "none"', () => {
    const a = verificationFromForm({ ...form, fact: 'step2Minimum', value: '235' }, known, TODAY);
    expect(a.ok && a.entry.value).toBe(235);
    const b = verificationFromForm({ ...form, fact: 'maxYearsSinceGraduation', value: 'None' }, known, TODAY);
    expect(b.ok && b.entry.value).toBe('none');
  });

  it('names every wrong field in plain words', () => {
    const r = verificationFromForm(
      { programId: '123', fact: 'step2Minimum', value: '301', date: '2026-13-45', how: '  ' },
      known,
      TODAY,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.programId).toBe('Choose a program from the list');
    expect(r.errors.value).toMatch(/minimum score \(1 to 300\)/);
    expect(r.errors.date).toMatch(/YYYY-MM-DD/);
    expect(r.errors.how).toMatch(/Say how you learned it/);
  });

  it('refuses an unknown program, a future date and a visa answer other than yes or no', () => {
    const r1 = verificationFromForm({ ...form, programId: '4209999999', value: 'no' }, known, TODAY);
    expect(!r1.ok && r1.errors.programId).toBeTruthy();
    const r2 = verificationFromForm({ ...form, value: 'no', date: '2099-01-01' }, known, TODAY);
    expect(!r2.ok && r2.errors.date).toBe('The date cannot be in the future');
    const r3 = verificationFromForm({ ...form, value: 'maybe' }, known, TODAY);
    expect(!r3.ok && r3.errors.value).toBe('Choose yes or no');
    const r4 = verificationFromForm({ ...form, fact: 'maxYearsSinceGraduation', value: '61' }, known, TODAY);
    expect(!r4.ok && r4.errors.value).toMatch(/0 to 60/);
  });

  it('words the answers', () => {
    const base = { programId: id, date: TODAY, how: 'x' };
    expect(verificationValueText({ ...base, fact: 'h1b', value: false })).toBe('No, does not sponsor');
    expect(verificationValueText({ ...base, fact: 'step2Minimum', value: 'none' })).toBe('No minimum');
    expect(verificationValueText({ ...base, fact: 'maxYearsSinceGraduation', value: 5 })).toBe('5 years');
  });
});

describe('unknowns and verified facts', () => {
  it('lists the unknown facts that decide eligibility, with their questions', () => {
    const p = makeProgram({ seq: 1, j1: true, step2Min: 'none' });
    const unknown = unknownsToVerify(p).map((u) => u.key);
    expect(unknown).toEqual(['h1b', 'maxYearsSinceGraduation', 'attempts']);
    expect(unknownsToVerify(p)[0]?.question).toMatch(/H-1B/);
  });

  it('lists what the user verified, with the date', () => {
    const p = makeProgram({ seq: 1 });
    expect(verifiedFactLines(p)).toEqual([]);
    const v = applyVerifications(p, [{ programId: p.id, fact: 'j1', value: false, date: '2026-10-01', how: 'call' }]);
    expect(verifiedFactLines(v)).toEqual([
      'J-1 visa (ECFMG): No, does not sponsor, verified by you on 2026-10-01 (call)',
    ]);
  });
});

describe('bandMoves and feeNote', () => {
  it('counts moves up and down', () => {
    expect(
      bandMoves([
        { from: 'reach', to: 'target' },
        { from: 'target', to: 'likely' },
        { from: 'likely', to: 'excluded' },
      ]),
    ).toEqual({ up: 2, down: 1 });
    expect(bandMoves([])).toEqual({ up: 0, down: 0 });
  });

  it('explains the fees', () => {
    expect(feeNote({ erasTotal: 350, nrmp: { ranks: 5, fee: 0 } }, MODEL, { dr: 30, 'ir-integrated': 0 })).toBe(
      'ERAS $350 for 30 DR and 0 IR–Integrated applications; no NRMP fee beyond registration, which covers up to 20 ranks.',
    );
    expect(feeNote({ erasTotal: 1000, nrmp: { ranks: 22, fee: 60 } }, MODEL)).toMatch(
      /^ERAS \$1,000; NRMP \$60 for ranking about 22 programs/,
    );
  });
});

describe('planFacts and recommendedNote', () => {
  const normal = evaluate(drMedianProfile(), makePrograms(120, { j1: true }), CTX).summary;
  const weak = evaluate(weakProfile(), makePrograms(80, { j1: true }), CTX).summary;
  const mixed = evaluate(drMedianProfile({ tracks: ['ir-integrated', 'dr'] }), strengthenIrOnlyPrograms(), CTX).summary;
  const [weakDr] = weak.plans;
  if (!normal.plans[0] || !weakDr) throw new Error('plans expected');
  const reaches = normal.plans[0];

  it('gives a plan that recommends programs its count, interviews, chance and fee, and nothing apart', () => {
    expect(reaches.status).toBe('reaches-target');
    expect(planFacts(reaches)).toEqual({
      recommended: [
        { term: 'Applications recommended', detail: `${reaches.recommendedCount} of 120 open to you` },
        {
          term: 'Expected interviews',
          detail: expect.any(String),
          range: formatPlausible(reaches.atRecommended.expected, (x) => x.toFixed(1)),
        },
        {
          term: 'Chance of at least 5',
          detail: formatPct(reaches.atRecommended.atLeast.central),
          range: formatPlausible(reaches.atRecommended.atLeast),
        },
        { term: 'ERAS fee', detail: formatDollars(reaches.erasFee) },
      ],
      ifAll: null,
    });
  });

  it('gives a strengthen-first plan no applications and $0, and every program apart', () => {
    expect(weakDr.status).toBe('strengthen-first');
    const all = weakDr.atAllCandidates;
    expect(planFacts(weakDr)).toEqual({
      recommended: [
        { term: 'Applications recommended', detail: 'None for now (80 open to you)' },
        { term: 'ERAS fee', detail: '$0' },
      ],
      ifAll: {
        heading: 'If you applied to all 80 DR programs anyway',
        facts: [
          { term: 'Expected interviews', detail: all.expected.central.toFixed(1), range: expect.any(String) },
          {
            term: 'Chance of at least 5',
            detail: formatPct(all.atLeast.central),
            range: formatPlausible(all.atLeast),
          },
          { term: 'ERAS fee for all of them', detail: formatDollars(all.erasFee) },
        ],
      },
    });
    expect(all.erasFee).toBeGreaterThan(0);
  });

  it('notes a track left out, no applications at all, or nothing', () => {
    expect(recommendedNote(normal.plans, normal.recommended.portfolio.count)).toBeNull();
    expect(recommendedNote(weak.plans, weak.recommended.portfolio.count)).toMatch(
      /^No applications are recommended for now: strengthen/,
    );
    expect(mixed.plans.map((p) => p.status)).toEqual(['strengthen-first', 'reaches-target']);
    expect(recommendedNote(mixed.plans, mixed.recommended.portfolio.count)).toBe(
      'IR–Integrated is left out: the plan says to strengthen first there.',
    );
    const none = evaluate(drMedianProfile({ visa: 'j1' }), makePrograms(3, { j1: false }), CTX).summary;
    expect(none.plans[0]?.status).toBe('no-candidates');
    expect(recommendedNote(none.plans, 0)).toMatch(/^No program is open to you/);
  });
});
